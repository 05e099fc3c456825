#pragma once

#include "ksp-sqlite-store.h"

G_BEGIN_DECLS

/* 'KSP1': PRAGMA application_id of every Kasip workspace. */
#define KSP_SQLITE_APPLICATION_ID 0x4B535031

const char *_ksp_sqlite_migration (int version);

G_END_DECLS
