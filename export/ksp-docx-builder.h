/* ksp-docx-builder.h: the building blocks of Kasip's Word documents
 *
 * The ministry's DOCX layout of a standard (ksp-docx-writer.c), the comparative table
 * (ksp-comparative-table.c) and later the amending order are written with the same pieces:
 *
 * - KspDocxBuilder writes word/document.xml with libxml2's xmlTextWriter, in schema order: paragraphs
 *   of a style from the template (export/docx/styles.xml), runs (bold, italic, struck through, a size
 *   of their own), tables with fixed column widths, rows, cells (spanning columns, merged down), and
 *   the section's page setup at the end. Text is escaped by libxml2. While it writes, it keeps a
 *   SHA-256 of the visible text, one line per non-empty paragraph, as ksp_docx_text_fingerprint()
 *   reads it back.
 * - KspDocxPackage puts the parts together with libzip in memory, every entry at 1980-01-01 00:00 and
 *   deflated the same way, and writes the file in one step (ksp_atomic_file_write): the same content
 *   gives the same bytes, and an interrupted export leaves nothing behind.
 *
 * Measures are in twentieths of a point (dxa); sizes of type in half-points.
 */
#pragma once

#include "ksp-node.h"

G_BEGIN_DECLS

#define KSP_DOCX_W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define KSP_DOCX_R_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

typedef enum {
  KSP_DOCX_NONE       = 0,
  KSP_DOCX_BOLD       = 1 << 0,  /* run */
  KSP_DOCX_ITALIC     = 1 << 1,  /* run */
  KSP_DOCX_PAGE_BREAK = 1 << 2,  /* paragraph: starts a page */
  KSP_DOCX_CENTER     = 1 << 3,  /* paragraph */
  KSP_DOCX_RIGHT      = 1 << 4,  /* paragraph */
  KSP_DOCX_STRIKE     = 1 << 5,  /* run */
  KSP_DOCX_KEEP_NEXT  = 1 << 6,  /* paragraph: on the page of the next one */
} KspDocxFlags;

#define KSP_DOCX_RUN_FLAGS (KSP_DOCX_BOLD | KSP_DOCX_ITALIC | KSP_DOCX_STRIKE)

typedef enum {
  KSP_DOCX_MERGE_NONE,
  KSP_DOCX_MERGE_RESTART,   /* the first cell of a vertically merged run */
  KSP_DOCX_MERGE_CONTINUE,  /* merged into the cell above */
} KspDocxMerge;

typedef enum {
  KSP_DOCX_ROW_NONE       = 0,
  KSP_DOCX_ROW_CANT_SPLIT = 1 << 0,  /* the row stays on one page (unless it is longer than a page) */
  KSP_DOCX_ROW_HEADER     = 1 << 1,  /* repeated at the top of every page the table runs over */
} KspDocxRowFlags;

/* A section's page. */
typedef struct {
  int         width;
  int         height;
  gboolean    landscape;      /* written as w:orient="landscape" (width > height) */
  int         margin_top;
  int         margin_right;
  int         margin_bottom;
  int         margin_left;
  int         header;         /* distance of the header from the edge */
  int         footer;
  const char *header_rel;     /* (nullable): the relationship of the default header ("rId4": the page number) */
} KspDocxPage;

/* The ministry's template: A4, margins 30 / 15 / 20 / 20 mm (left / right / top / bottom), the page
 * number in the header. @landscape turns the sheet; the margins stay where they are on the page. */
void             ksp_docx_page_init_ministry    (KspDocxPage        *page,
                                                 gboolean            landscape);
/* The width between the margins. */
int              ksp_docx_page_text_width       (const KspDocxPage  *page);

typedef struct _KspDocxBuilder KspDocxBuilder;

/* Starts word/document.xml (declaration, w:document, w:body); @page is copied. */
KspDocxBuilder  *ksp_docx_builder_new           (const KspDocxPage  *page);
void             ksp_docx_builder_free          (KspDocxBuilder     *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KspDocxBuilder, ksp_docx_builder_free)

const KspDocxPage *ksp_docx_builder_get_page    (KspDocxBuilder     *self);

/* Paragraphs. @style is a paragraph style of the template (NULL: Normal); the paragraph flags of
 * @flags apply. */
void             ksp_docx_builder_para_begin    (KspDocxBuilder     *self,
                                                 const char         *style,
                                                 KspDocxFlags        flags);
void             ksp_docx_builder_para_end      (KspDocxBuilder     *self);
/* A run of @text (nothing for NULL or ""); the run flags of @flags apply. */
void             ksp_docx_builder_run           (KspDocxBuilder     *self,
                                                 const char         *text,
                                                 KspDocxFlags        flags);
/* The same in @half_points (0: the style's size). */
void             ksp_docx_builder_run_sized     (KspDocxBuilder     *self,
                                                 const char         *text,
                                                 KspDocxFlags        flags,
                                                 int                 half_points);
/* One paragraph per line of @text (values hold their lines joined by newlines), @prefix and a space
 * before the first line's text; the run flags of @flags go to every run, a page break to the first
 * paragraph only. */
void             ksp_docx_builder_paras         (KspDocxBuilder     *self,
                                                 const char         *style,
                                                 KspDocxFlags        flags,
                                                 const char         *prefix,
                                                 const char         *text);

/* Tables. @style is a table style of the template; without @borders every border is nil. The table is
 * as wide as its columns together, and laid out fixed. */
void             ksp_docx_builder_table_begin   (KspDocxBuilder     *self,
                                                 const char         *style,
                                                 gboolean            borders,
                                                 const int          *widths,
                                                 guint               n_columns);
void             ksp_docx_builder_table_end     (KspDocxBuilder     *self);
void             ksp_docx_builder_row_begin     (KspDocxBuilder     *self,
                                                 KspDocxRowFlags     flags);
void             ksp_docx_builder_row_end       (KspDocxBuilder     *self);
void             ksp_docx_builder_cell_begin    (KspDocxBuilder     *self,
                                                 int                 width,
                                                 int                 span,
                                                 KspDocxMerge        merge);
/* Every cell ends with a paragraph (Word requires it): without @wrote_paragraph an empty one is added. */
void             ksp_docx_builder_cell_end      (KspDocxBuilder     *self,
                                                 gboolean            wrote_paragraph);

/* Ends the body with the section's page setup and the document.
 * Returns: (transfer full): the XML of word/document.xml; the builder takes nothing more after it. */
char            *ksp_docx_builder_finish        (KspDocxBuilder     *self,
                                                 gsize              *out_length);
/* The SHA-256 (hex) of the visible text written so far. */
const char      *ksp_docx_builder_get_fingerprint (KspDocxBuilder   *self);

/* Control characters have no place in WordprocessingML text (libxml2 would write them as they are):
 * FALSE with an error naming the element and field when a value of @node's subtree holds one. */
gboolean         ksp_docx_check_tree_text       (KspNode            *node,
                                                 GError            **error);

/* docProps/core.xml: @title, creator Kasip, the language, a fixed creation time. */
char            *ksp_docx_core_xml              (const char         *title,
                                                 KspLang             lang);

typedef struct _KspDocxPackage KspDocxPackage;

KspDocxPackage  *ksp_docx_package_new           (GError            **error);
void             ksp_docx_package_free          (KspDocxPackage     *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KspDocxPackage, ksp_docx_package_free)

/* Adds the entry @name holding @data (taken, freed even on failure). */
gboolean         ksp_docx_package_add           (KspDocxPackage     *self,
                                                 const char         *name,
                                                 char               *data,
                                                 gsize               length,
                                                 GError            **error);
/* Adds the template's parts, in this order: [Content_Types].xml, _rels/.rels, word/_rels/document.xml.rels,
 * styles, settings, numbering, header1, docProps/app.xml. With @custom_xml the content types and the
 * document's relationships name customXml/item1.xml (the embedded model), which the caller adds;
 * without, they do not. */
gboolean         ksp_docx_package_add_template  (KspDocxPackage     *self,
                                                 gboolean            custom_xml,
                                                 GError            **error);
/* Builds the package and writes it to @path in one step. The package takes no entry after it. */
gboolean         ksp_docx_package_write_file    (KspDocxPackage     *self,
                                                 const char         *path,
                                                 GError            **error);

G_END_DECLS
