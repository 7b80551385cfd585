import './style.css';
import { services, summarize, type Service } from './services.ts';

function since(minutes: number | null): string {
  if (minutes === null) return 'no incident this month';
  if (minutes < 60) return `incident ${minutes} min ago`;
  if (minutes < 60 * 24) return `incident ${Math.round(minutes / 60)} h ago`;
  return `incident ${Math.round(minutes / (60 * 24))} days ago`;
}

function item(service: Service): HTMLLIElement {
  const li = document.createElement('li');
  li.className = `service ${service.state}`;
  const name = document.createElement('strong');
  name.textContent = service.name;
  const detail = document.createElement('span');
  detail.textContent = `${service.state}, ${since(service.sinceIncident)}`;
  li.append(name, detail);
  return li;
}

document.querySelector('#summary')!.textContent = summarize(services);
document.querySelector('#services')!.replaceChildren(...services.map(item));
