FROM node:22-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY src ./src
# The code stays owned by root (the service cannot change it); only uploads/ is the node user's.
RUN mkdir uploads && chown node:node uploads
USER node
CMD ["node", "src/server.js"]
