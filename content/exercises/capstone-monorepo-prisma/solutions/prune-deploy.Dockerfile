# syntax=docker/dockerfile:1
FROM node:22-slim AS base
ENV PNPM_HOME=/pnpm
ENV PATH=$PNPM_HOME:$PATH
RUN corepack enable

# 1. Prune: @acme/api and the workspace packages it uses (@acme/db), nothing of apps/admin.
FROM base AS prune
WORKDIR /repo
COPY . .
RUN pnpm dlx turbo@2.11.11 prune @acme/api --docker

# 2. Build: install from the pruned manifests, then build. turbo builds @acme/db first
#    (dependsOn ^build), and its build runs `prisma generate` before tsc: the client is compiled
#    into packages/db/dist here, where the Prisma CLI is installed.
FROM base AS build
WORKDIR /repo
COPY --from=prune /repo/out/json/ .
RUN --mount=type=cache,id=pnpm,target=/pnpm/store pnpm install --frozen-lockfile
COPY --from=prune /repo/out/full/ .
RUN pnpm turbo run build --filter=@acme/api
# The API alone, with @acme/db (and its dist) as real files. --no-optional leaves out the Prisma
# CLI and TypeScript, which @prisma/client declares as optional peers and --prod alone keeps.
RUN pnpm --filter @acme/api deploy --prod --no-optional /out

# 3. Run: Node, tini as PID 1, the deployed API, as the node user.
FROM node:22-slim
ENV NODE_ENV=production
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /out .
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["tini", "--"]
CMD ["node", "dist/server.js"]
