FROM node:22-slim
ENV NODE_ENV=production
WORKDIR /app
RUN chown node:node /app
USER node
# Files arrive owned by node: no chown -R afterwards, so nothing is stored twice.
COPY --chown=node:node package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY --chown=node:node src ./src
CMD ["node", "src/server.js"]
