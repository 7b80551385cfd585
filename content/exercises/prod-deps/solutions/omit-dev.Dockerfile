FROM node:22-slim
# Production mode for Express, and npm leaves devDependencies out by default.
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# Only express, zod and their dependencies; the download cache goes in the same step.
RUN npm ci --omit=dev && npm cache clean --force
COPY src ./src
USER node
EXPOSE 3000
CMD ["node", "src/server.js"]
