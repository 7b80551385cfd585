# Debian slim: the same glibc and Debian packages as node:22, without compilers, git or curl.
FROM node:22-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY src ./src
USER node
EXPOSE 3000
# slim has no curl: check with Node itself (src/healthcheck.js uses fetch).
HEALTHCHECK --interval=30s --timeout=3s CMD ["node", "src/healthcheck.js"]
CMD ["node", "src/server.js"]
