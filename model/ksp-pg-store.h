/* ksp-pg-store.h: the shared workspace as a PostgreSQL database (libpq; versioned migrations; editions and
 * the change log protected by the server's triggers). Opened by ksp_store_open_uri() with a
 * "postgresql://…" or "postgres://…" URI (libpq's own form: postgresql:///DB?host=/run/postgresql, a
 * service with ?service=NAME, sslmode=verify-full …). Passwords are never part of the address: libpq reads
 * them from ~/.pgpass or the service file. Built when libpq is found (meson -Dpostgres). */
#pragma once

#include "ksp-store.h"

G_BEGIN_DECLS

#define KSP_TYPE_PG_STORE (ksp_pg_store_get_type ())
G_DECLARE_FINAL_TYPE (KspPgStore, ksp_pg_store, KSP, PG_STORE, KspStore)

/* The format of the PostgreSQL workspace this build writes (meta.format). */
#define KSP_PG_SCHEMA_VERSION 2

KspStore *ksp_pg_store_new (void);

G_END_DECLS
