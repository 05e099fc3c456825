/* xml-export-seed: reads a published text (a seed) and writes it as Kasip XML.
 *
 *   xml-export-seed SEED.txt OUT.xml
 */
#include "ksp-adilet-reader.h"
#include "ksp-xml-writer.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KspImportReport) report = NULL;
  g_autoptr (KspNode) root = NULL;

  if (argc != 3)
    {
      g_printerr ("usage: %s SEED.txt OUT.xml\n", argv[0]);
      return 2;
    }
  root = ksp_adilet_reader_read_file (argv[1], &report, &error);
  if (root == NULL || !ksp_xml_writer_write_file (root, NULL, argv[2], &error))
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      return 1;
    }
  return 0;
}
