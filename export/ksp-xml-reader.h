/* ksp-xml-reader.h: reads Kasip XML (docs/xml-format.md) back into a tree, losslessly
 *
 * Driven by the registry: unknown elements or attributes, fields of the wrong kind or language, children
 * a kind does not allow, duplicate or missing IDs are refused with KSP_IMPORT_ERROR_FORMAT and a message
 * naming the file, the line and what was expected. Safe on hostile input: no network, no DTD, no entities
 * (a DOCTYPE is refused before its declarations are read), no XInclude, at most KSP_XML_MAX_BYTES.
 * Binary or non-XML input gives KSP_IMPORT_ERROR_NOT_TEXT, a file cut off KSP_IMPORT_ERROR_TRUNCATED,
 * an unreadable or too large one KSP_IMPORT_ERROR_UNREADABLE.
 */
#pragma once

#include "ksp-node.h"
#include "ksp-source.h"
#include "ksp-store.h"

G_BEGIN_DECLS

#define KSP_XML_MAX_BYTES (64 * 1024 * 1024)

gboolean  ksp_xml_reader_sniff     (const char      *data,
                                    gsize            length);
KspNode  *ksp_xml_reader_read_data (const char      *data,
                                    gsize            length,
                                    const char      *name,
                                    KspEditionInfo **out_edition,
                                    GError         **error);
KspNode  *ksp_xml_reader_read_file (const char      *path,
                                    KspEditionInfo **out_edition,
                                    GError         **error);

G_END_DECLS
