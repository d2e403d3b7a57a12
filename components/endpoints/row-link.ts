/** A link whose ::after covers its `relative` table row, so a click anywhere on the row follows it. */
export const ROW_LINK_CLASS =
  "outline-none after:absolute after:inset-0 after:content-[''] focus-visible:after:outline-2 focus-visible:after:-outline-offset-2 focus-visible:after:outline-ring";
