FROM node:22-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
# Only what runs: the server and the page with its script, not the map beside it.
COPY src ./src
COPY public/index.html ./public/
COPY public/build/app.js ./public/build/
USER node
EXPOSE 3000
CMD ["node", "src/server.js"]
