FROM node:22-slim
ENV NODE_ENV=production
# Install and clean up in one RUN: the package lists never reach a layer.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY src ./src
# No chown: files copied in are world-readable, and the service writes nothing under /app.
USER node
ENTRYPOINT ["tini", "--"]
CMD ["node", "src/server.js"]
