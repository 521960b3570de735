package org.careledger.records;

/**
 * What an entry says. Which fields a category needs is checked by {@link EntryRules}:
 * a DIAGNOSIS has a SNOMED CT or ICD-10 code with its display text; a MEDICATION a display text
 * (an RxNorm code if known); an ALLERGY a display text (a SNOMED CT code, or RxNorm for a medicine, if known); VITAL_SIGNS and LAB_RESULT what was measured
 * ({@code display}) and the value ({@code text}); a CLINICAL_NOTE its text; an ATTACHMENT a file; a SYMPTOM_REPORT its symptoms as {@link SymptomReportText} writes them.
 *
 * @param codeSystem "SNOMED-CT", "ICD-10" or "RxNorm", or null
 * @param text       free text: the note, the value, a comment
 */
public record EntryContent(String codeSystem, String code, String display, String text, Attachment attachment) {

    public static final int MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
    public static final int MAX_TEXT = 20_000;
    public static final int MAX_DISPLAY = 300;

    public static EntryContent coded(String codeSystem, String code, String display, String text) {
        return new EntryContent(codeSystem, code, display, text, null);
    }

    public static EntryContent note(String text) {
        return new EntryContent(null, null, null, text, null);
    }

    public static EntryContent measurement(String what, String value) {
        return new EntryContent(null, null, what, value, null);
    }

    public static EntryContent file(Attachment attachment, String text) {
        return new EntryContent(null, null, null, text, attachment);
    }

    /** One line for lists: the display text or the start of the note. */
    public String summary() {
        String base = display != null && !display.isBlank() ? display
                : attachment != null ? attachment.name()
                : text == null ? "" : text;
        String line = base.strip().replaceAll("\\s+", " ");
        return line.length() <= 120 ? line : line.substring(0, 119) + "…";
    }
}
