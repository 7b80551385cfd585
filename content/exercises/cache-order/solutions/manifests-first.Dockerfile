FROM node:22-slim
ENV NODE_ENV=production
WORKDIR /app
# The manifests change only when a dependency does: while they are unchanged, npm ci is cached.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .
USER node
CMD ["node", "src/server.js"]
