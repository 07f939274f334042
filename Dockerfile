# Verbatim in a container: `docker build -t verbatim .`, then see the README, "Deploying".
# Node 20, production dependencies only, a non-root user; the corpus and the cache are volumes.
FROM node:20-bookworm-slim

ENV NODE_ENV=production \
    CORPUS_DIR=/data/corpus \
    CACHE_DIR=/data/cache \
    PORT=3000
WORKDIR /app

COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

COPY tsconfig.json ./
COPY src ./src
COPY commands ./commands
COPY scripts/build.mjs scripts/start.mjs ./scripts/
# Compiled to plain JavaScript here, once (scripts/build.mjs): a container starts without tsx.
RUN node scripts/build.mjs
# The seed corpus: a new named volume at /data/corpus starts with it.
COPY corpus /data/corpus
RUN mkdir -p /data/cache && chown -R node:node /data

USER node
VOLUME ["/data/corpus", "/data/cache"]
EXPOSE 3000

# In interactions mode (DISCORD_PUBLIC_KEY set) the container is healthy once /healthz says ready.
HEALTHCHECK --interval=15s --timeout=3s --start-period=120s \
  CMD [ -z "$DISCORD_PUBLIC_KEY" ] || node -e "fetch('http://127.0.0.1:' + process.env.PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"

# Node itself is PID 1 (not npm), so SIGTERM from `docker stop` reaches Verbatim's graceful stop.
CMD ["node", "dist/src/main.js"]
