FROM node:22-slim
# Before npm ci: npm leaves devDependencies out when NODE_ENV is production, and the app
# (Express here) runs its production code paths.
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci && npm cache clean --force
COPY . .
USER node
EXPOSE 3000
CMD ["node", "src/server.js"]
