/* ksp-xml-schema.h: the Kasip XML format (version 1) and its XML Schema, generated from the registry
 *
 * The format is described in docs/xml-format.md. Every kind of the registry (ksp-schema.c) is one element,
 * its language-neutral fields are attributes and its bilingual fields are child elements holding <kk> and
 * <ru>. The XSD shipped as data/kasip-1.xsd is the output of ksp_xml_schema_generate(); a test checks that
 * the two agree, so a registry change must be followed by regenerating the file (tests/export/gen-xsd).
 */
#pragma once

#include "ksp-schema.h"

G_BEGIN_DECLS

#define KSP_XML_NAMESPACE      "urn:kasip:xml:1"
#define KSP_XML_VERSION        "1"
#define KSP_XML_ROOT           "kasip"
#define KSP_XML_EDITION        "edition"
#define KSP_XML_ATTR_ID        "id"
#define KSP_XML_ATTR_NUMBER    "number"
#define KSP_XML_ATTR_LINE      "line"

char     *ksp_xml_schema_generate     (void);
gboolean  ksp_xml_schema_is_root_kind (const KspKindSpec *kind);
char     *ksp_xml_schema_check_registry (void);

G_END_DECLS
