# Tidemark in a container: a build stage with every dependency compiles the server, the CLI and the dashboard; the
# runtime stage gets dist/ and the production dependencies only, runs as the unprivileged `node` user and keeps
# the database on a volume.
#
#   docker build -t tidemark .
#   docker run -p 3000:3000 -v tidemark-data:/data tidemark        (or: docker compose up -d)
#
# No container engine runs where Tidemark is developed: test/integration/dockerfile.test.ts executes these steps
# (every RUN of the build stage, the runtime stage's COPY, ENV, CMD and HEALTHCHECK) in a temporary copy of the
# repository and checks that the server answers. Keep each step a plain shell command.

# The current Node.js LTS; the code also runs on 20.19+, 22 and 24.
ARG NODE_VERSION=26

FROM node:${NODE_VERSION}-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build
RUN npm prune --omit=dev --no-audit --no-fund

FROM node:${NODE_VERSION}-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATABASE_URL=file:/data/tidemark.db
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# `npm run cli -- ...` in the container: scripts/cli.mjs runs the compiled CLI.
COPY --from=build /app/scripts ./scripts
# The volume's mount point, owned by the user the server runs as, so a fresh named volume is writable.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# What `npm start` runs (package.json): the HTTP thread's young generation capped at 4 MiB semi-spaces; under 20
# connections Node's default grew it by 30-70 MiB of resident memory for no measurable throughput.
CMD ["node", "--max-semi-space-size=4", "dist/server.js"]
