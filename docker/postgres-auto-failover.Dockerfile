# syntax=docker/dockerfile:1
# PostgreSQL 15 with pg_auto_failover's keeper and monitor (Debian's packages), for docker-compose.yml's
# monitor and two data nodes. Each container runs one `pg_autoctl ... --run`, which initialises its node on
# first start, starts PostgreSQL and keeps it in the state the monitor assigns (decision 36).
FROM postgres:15-bookworm
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-15-auto-failover pg-auto-failover-cli \
    && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /var/lib/postgresql/pgaf \
    && chown postgres:postgres /var/lib/postgresql/pgaf
# pg_autoctl refuses to run as root, as PostgreSQL does.
USER postgres
ENV PGDATA=/var/lib/postgresql/pgaf \
    PATH=/usr/lib/postgresql/15/bin:$PATH
# The image's own entrypoint would initialise a plain server; pg_autoctl does that itself.
ENTRYPOINT []
