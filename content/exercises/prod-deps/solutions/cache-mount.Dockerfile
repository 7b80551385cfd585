# syntax=docker/dockerfile:1
FROM node:22-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# The cache mount keeps npm's downloads out of the image and reuses them on the next build.
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev
COPY src ./src
USER node
EXPOSE 3000
CMD ["node", "src/server.js"]
