# syntax=docker/dockerfile:1
FROM node:22-slim
ENV NODE_ENV=production
# A here-document keeps one RUN readable; set -e stops at the first failing command, like &&.
RUN <<EOT
set -e
apt-get update
apt-get install -y --no-install-recommends openssl tini
rm -rf /var/lib/apt/lists/*
EOT
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev
COPY src ./src
USER node
ENTRYPOINT ["tini", "--"]
CMD ["node", "src/server.js"]
