# syntax=docker/dockerfile:1
FROM node:22-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# A cache mount keeps npm's download cache between builds, out of the image.
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev
COPY src ./src
USER node
CMD ["node", "src/server.js"]
