/* ksp-import-report.c */
#include "ksp-import-report.h"

struct _KspImportReport
{
  char   *file;
  GArray *warnings; /* KspImportWarning */
  GString *structure; /* labels and headings the reader read as structure, not as values */
};

static void
warning_clear (gpointer data)
{
  KspImportWarning *w = data;
  g_free (w->rule);
  g_free (w->message);
}

KspImportReport *
ksp_import_report_new (const char *file)
{
  KspImportReport *self = g_new0 (KspImportReport, 1);

  self->file = g_strdup (file);
  self->warnings = g_array_new (FALSE, TRUE, sizeof (KspImportWarning));
  g_array_set_clear_func (self->warnings, warning_clear);
  self->structure = g_string_new (NULL);
  return self;
}

void
ksp_import_report_free (KspImportReport *self)
{
  if (self == NULL)
    return;
  g_free (self->file);
  g_array_unref (self->warnings);
  g_string_free (self->structure, TRUE);
  g_free (self);
}

void
ksp_import_report_add (KspImportReport *self,
                       guint            line,
                       const char      *rule,
                       const char      *format,
                       ...)
{
  KspImportWarning w = { line, g_strdup (rule), NULL };
  va_list args;

  va_start (args, format);
  w.message = g_strdup_vprintf (format, args);
  va_end (args);
  g_array_append_val (self->warnings, w);
}

const char *
ksp_import_report_get_file (KspImportReport *self)
{
  return self->file;
}

guint
ksp_import_report_get_n (KspImportReport *self)
{
  return self->warnings->len;
}

const KspImportWarning *
ksp_import_report_get (KspImportReport *self,
                       guint            i)
{
  g_return_val_if_fail (i < self->warnings->len, NULL);
  return &g_array_index (self->warnings, KspImportWarning, i);
}

guint
ksp_import_report_count_rule (KspImportReport *self,
                              const char      *rule)
{
  guint n = 0;
  for (guint i = 0; i < self->warnings->len; i++)
    n += g_str_equal (g_array_index (self->warnings, KspImportWarning, i).rule, rule);
  return n;
}

/* Records text the reader took as structure (a label, a chapter heading, a table header): it is not in
 * any element because export writes it anew. With the elements' values, it accounts for every word of
 * the source; the import tests check exactly that. */
void
ksp_import_report_add_structure (KspImportReport *self,
                                 const char      *text,
                                 gssize           length)
{
  if (self == NULL || text == NULL)
    return;
  g_string_append_len (self->structure, text, length);
  g_string_append_c (self->structure, '\n');
}

const char *
ksp_import_report_get_structure (KspImportReport *self)
{
  return self->structure->str;
}
