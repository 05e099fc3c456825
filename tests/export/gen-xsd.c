/* gen-xsd: prints the XML Schema of Kasip XML generated from the registry.
 *
 * After a change to model/ksp-schema.c, regenerate the shipped schema with
 *   BUILDDIR/tests/gen-xsd > data/kasip-1.xsd
 */
#include "ksp-xml-schema.h"

#include <stdio.h>

int
main (void)
{
  g_autofree char *xsd = ksp_xml_schema_generate ();

  fputs (xsd, stdout);
  return ferror (stdout) ? 1 : 0;
}
