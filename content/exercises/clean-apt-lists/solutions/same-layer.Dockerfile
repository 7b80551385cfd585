FROM node:22-slim
ENV NODE_ENV=production
# One RUN: update, install only what the service runs, delete the lists before the layer is saved.
# (apt-get clean is not needed: Debian's images delete downloaded .deb files after every install.)
RUN apt-get update \
 && apt-get install -y --no-install-recommends git ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY src ./src
USER node
CMD ["node", "src/server.js"]
