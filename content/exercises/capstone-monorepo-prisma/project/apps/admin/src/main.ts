// The dispatch board: today's jobs from the API, grouped by status.
type Job = { id: number; site: string; status: string; scheduledFor: string };

const app = document.querySelector<HTMLElement>('#app')!;

async function render(): Promise<void> {
  const res = await fetch('/api/jobs');
  const jobs = (await res.json()) as Job[];
  const byStatus = Map.groupBy(jobs, (j) => j.status);
  app.replaceChildren(
    ...[...byStatus].map(([status, list]) => {
      const section = document.createElement('section');
      const h = document.createElement('h2');
      h.textContent = `${status} (${list.length})`;
      const ul = document.createElement('ul');
      for (const j of list) {
        const li = document.createElement('li');
        li.textContent = `${new Date(j.scheduledFor).toLocaleTimeString()} ${j.site}`;
        ul.append(li);
      }
      section.append(h, ul);
      return section;
    }),
  );
}

void render();
