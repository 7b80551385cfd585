# syntax=docker/dockerfile:1
FROM node:22-slim
ENV NODE_ENV=production
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# npm's download cache lives in a BuildKit cache mount: never in a layer, reused by the next build.
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev
COPY src ./src
USER node
ENTRYPOINT ["tini", "--"]
CMD ["node", "src/server.js"]
