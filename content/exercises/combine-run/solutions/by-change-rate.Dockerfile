FROM node:22-slim
ENV NODE_ENV=production
# Rarely changes: the system packages. One RUN, so the package lists never reach a layer.
RUN apt-get update \
 && apt-get install -y --no-install-recommends openssl tini \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# Changes with the lockfile: install and drop npm's cache in one RUN.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
# Changes with every commit: a separate, tiny layer at the end.
COPY src ./src
USER node
ENTRYPOINT ["tini", "--"]
CMD ["node", "src/server.js"]
