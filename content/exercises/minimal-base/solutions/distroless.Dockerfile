# Install in a stage that has npm and a shell ...
FROM node:22-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev

# ... and run on distroless: Node and its libraries, no shell, no npm, no package manager.
FROM gcr.io/distroless/nodejs22-debian12:nonroot
ENV NODE_ENV=production
WORKDIR /app
COPY package.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY src ./src
EXPOSE 3000
# No shell: exec form only. The image's entrypoint is node, so CMD names the script.
HEALTHCHECK --interval=30s --timeout=3s CMD ["/nodejs/bin/node", "src/healthcheck.js"]
CMD ["src/server.js"]
