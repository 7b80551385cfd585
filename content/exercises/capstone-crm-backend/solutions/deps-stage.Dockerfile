# syntax=docker/dockerfile:1
FROM node:22-alpine AS base
WORKDIR /app
COPY package.json package-lock.json ./

# Production dependencies, in a stage of their own: built in parallel with the build stage, and
# cached until the lockfile changes.
FROM base AS deps
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --omit=optional

# Every dependency, the generated client, the compiled code.
FROM base AS build
RUN --mount=type=cache,target=/root/.npm npm ci
COPY prisma ./prisma
COPY prisma.config.ts tsconfig.json ./
COPY src ./src
RUN npx prisma generate && npm run build

FROM node:22-alpine
ENV NODE_ENV=production
RUN apk add --no-cache dumb-init
WORKDIR /app
COPY --chown=node:node package.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/node_modules/.prisma ./node_modules/.prisma
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD ["node", "-e", "fetch('http://127.0.0.1:3000/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["dumb-init", "--"]
CMD ["node", "dist/server.js"]
