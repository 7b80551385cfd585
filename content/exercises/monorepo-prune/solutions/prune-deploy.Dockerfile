# syntax=docker/dockerfile:1

FROM node:22-slim AS base
ENV PNPM_HOME=/pnpm
ENV PATH=$PNPM_HOME:$PATH
RUN corepack enable

# 1. Prune: a copy of the workspace with @acme/api and the packages it uses, nothing else.
FROM base AS prune
WORKDIR /repo
COPY . .
RUN pnpm dlx turbo@2.11.11 prune @acme/api --docker

# 2. Install from the pruned manifests and lockfile only: an edit to any source file, or to
#    apps/web at all, leaves out/json unchanged and this install cached.
FROM base AS build
WORKDIR /repo
COPY --from=prune /repo/out/json/ .
RUN --mount=type=cache,id=pnpm,target=/pnpm/store pnpm install --frozen-lockfile
COPY --from=prune /repo/out/full/ .
RUN pnpm turbo run build --filter=@acme/api
# A standalone copy of the API: its files, its production dependencies, @acme/shared included.
RUN pnpm --filter @acme/api deploy --prod /out

# 3. Run: Node and the deployed API.
FROM node:22-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /out .
USER node
EXPOSE 3000
CMD ["node", "dist/server.js"]
