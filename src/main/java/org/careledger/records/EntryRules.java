package org.careledger.records;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.careledger.common.InvalidInputException;
import org.careledger.common.SingleLine;
import org.careledger.contracts.RecordCategory;

/**
 * What each category of entry must contain, checked before anything is stored. All problems are
 * reported together, keyed by the form's field names (codeSystem, code, display, text, attachment).
 * Text is NFC-normalised and stripped, so the canonical form does not depend on how it was typed.
 * The code system, the code and the display text (a diagnosis's name, a medicine, a substance, what
 * was measured) are single-line ({@link SingleLine}: a control character is refused, not removed);
 * the free text (a note, a comment, a measured value) keeps its lines and tabs. A SYMPTOM_REPORT's text
 * is a {@link SymptomReportText}.
 */
public final class EntryRules {

    public static final String SNOMED = "SNOMED-CT";
    public static final String ICD10 = "ICD-10";
    public static final String RXNORM = "RxNorm";

    /** What a person reads for an attachment over {@link EntryContent#MAX_ATTACHMENT_BYTES}, whether the browser or the server finds it. */
    public static final String ATTACHMENT_TOO_LARGE = "The file is larger than " + EntryContent.MAX_ATTACHMENT_BYTES / (1024 * 1024)
            + " MB, the most an attachment may be";

    /** The earliest clinical date an entry may carry. */
    public static final LocalDate EARLIEST_CLINICAL_DATE = LocalDate.of(1900, 1, 1);

    private static final Pattern SNOMED_CODE = Pattern.compile("[1-9][0-9]{5,17}");
    private static final Pattern ICD10_CODE = Pattern.compile("[A-TV-Z][0-9][0-9AB](\\.[0-9A-KXZ]{1,4})?");
    private static final Pattern RXNORM_CODE = Pattern.compile("[1-9][0-9]{0,9}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");

    private EntryRules() {
    }

    /** The content, normalised, if it is valid for the category; otherwise every problem at once. */
    public static EntryContent check(RecordCategory category, EntryContent content) {
        if (category == null) {
            throw InvalidInputException.of("category", "Choose a category");
        }
        if (content == null) {
            throw InvalidInputException.of("text", "The entry is empty");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String system = oneLine(content.codeSystem(), 20, "codeSystem", errors);
        String code = oneLine(content.code(), 20, "code", errors);
        String display = oneLine(content.display(), EntryContent.MAX_DISPLAY, "display", errors);
        String text = cleanText(content.text(), errors);
        Attachment attachment = content.attachment();
        boolean codePartsValid = !errors.containsKey("codeSystem") && !errors.containsKey("code");
        switch (category) {
            case DIAGNOSIS -> {
                if (codePartsValid) {
                    checkCode(category, system, code, errors);
                }
                require(display, "display", "Enter the diagnosis's name, for example Type 2 diabetes mellitus", errors);
            }
            case MEDICATION, ALLERGY -> {
                if (codePartsValid) {
                    checkCode(category, system, code, errors);
                }
                require(display, "display", category == RecordCategory.MEDICATION ? "Enter the medicine's name, for example Metformin 500 mg"
                        : "Enter what the patient is allergic to, for example Penicillin", errors);
            }
            case VITAL_SIGNS, LAB_RESULT -> {
                require(display, "display", "Enter what was measured, for example Blood pressure", errors);
                require(text, "text", "Enter the value with its unit, for example 128/82 mmHg", errors);
            }
            case CLINICAL_NOTE -> require(text, "text", "Write the note", errors);
            case ATTACHMENT -> attachment = checkAttachment(attachment, errors);
            case SYMPTOM_REPORT -> {
                if (text == null || SymptomReportText.parse(text).isEmpty()) {
                    errors.putIfAbsent("text", "A symptom report lists each symptom with its severity from 0 to 100, one a line");
                }
                if (system != null || code != null) {
                    errors.putIfAbsent("code", "A symptom report carries no code");
                }
            }
        }
        if (category != RecordCategory.ATTACHMENT && attachment != null) {
            errors.putIfAbsent("attachment", "Only an ATTACHMENT entry carries a file");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new EntryContent(system, code, display, text, attachment);
    }

    /**
     * An entry's clinical date (a diagnosis's onset, a medicine's start, the day of a measurement), or
     * today's when none is given. Refused in the future, with a day's grace because "today" depends on
     * where the writer is, and before {@link #EARLIEST_CLINICAL_DATE}.
     */
    public static LocalDate clinicalDate(LocalDate date, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        if (date == null) {
            return today;
        }
        if (date.isAfter(today.plusDays(1))) {
            throw InvalidInputException.of("clinicalDate", "The date cannot be in the future");
        }
        if (date.isBefore(EARLIEST_CLINICAL_DATE)) {
            throw InvalidInputException.of("clinicalDate", "Give a date in " + EARLIEST_CLINICAL_DATE.getYear() + " or later");
        }
        return date;
    }

    /** The media type of a PDF, PNG or JPEG judged by its first bytes, or null. */
    public static String mediaTypeOf(byte[] bytes) {
        if (bytes == null || bytes.length < 8) {
            return null;
        }
        if (bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F' && bytes[4] == '-') {
            return "application/pdf";
        }
        if ((bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G'
                && bytes[4] == 0x0d && bytes[5] == 0x0a && bytes[6] == 0x1a && bytes[7] == 0x0a) {
            return "image/png";
        }
        if ((bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        return null;
    }

    private static Attachment checkAttachment(Attachment attachment, Map<String, String> errors) {
        if (attachment == null || attachment.size() == 0) {
            errors.put("attachment", "Choose a PDF, PNG or JPEG file");
            return null;
        }
        if (attachment.size() > EntryContent.MAX_ATTACHMENT_BYTES) {
            errors.put("attachment", ATTACHMENT_TOO_LARGE);
            return null;
        }
        byte[] bytes = attachment.bytes();
        String type = mediaTypeOf(bytes);
        if (type == null) {
            errors.put("attachment", "Only PDF, PNG and JPEG files can be attached (judged by their content)");
            return null;
        }
        String name = displayName(attachment.name(), type);
        return new Attachment(name, type, bytes);
    }

    /** A file name safe to show: its last path segment, printable, at most 120 characters. */
    static String displayName(String name, String type) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = CONTROL.matcher(Normalizer.normalize(base, Normalizer.Form.NFC)).replaceAll("").replace("\n", "").replace("\t", "").strip();
        if (base.isEmpty()) {
            base = "attachment" + switch (type) {
                case "application/pdf" -> ".pdf";
                case "image/png" -> ".png";
                default -> ".jpg";
            };
        }
        return base.length() <= 120 ? base : base.substring(0, 120);
    }

    /**
     * The code systems an entry of the category may be coded in, the first being the usual one: a
     * diagnosis in SNOMED CT or ICD-10, a medicine in RxNorm, an allergy's substance in SNOMED CT (or
     * RxNorm for a medicine); none for the other categories.
     */
    public static List<String> codeSystemsFor(RecordCategory category) {
        return switch (category) {
            case DIAGNOSIS -> List.of(SNOMED, ICD10);
            case MEDICATION -> List.of(RXNORM);
            case ALLERGY -> List.of(SNOMED, RXNORM);
            default -> List.of();
        };
    }

    private static void checkCode(RecordCategory category, String system, String code, Map<String, String> errors) {
        boolean required = category == RecordCategory.DIAGNOSIS;
        if (system == null && code == null) {
            if (required) {
                errors.put("code", "Enter a SNOMED CT or ICD-10 code, for example 44054006");
            }
            return;
        }
        if (system == null) {
            errors.put("codeSystem", "Choose the code system the code is from");
            return;
        }
        if (!codeSystemsFor(category).contains(system)) {
            errors.put("codeSystem", switch (category) {
                case DIAGNOSIS -> "A diagnosis is coded in SNOMED CT or ICD-10";
                case MEDICATION -> "A medicine is coded in RxNorm";
                default -> "An allergy's substance is coded in SNOMED CT, or in RxNorm for a medicine";
            });
            return;
        }
        if (code == null) {
            errors.put("code", "Enter the code, or leave the code system empty");
            return;
        }
        boolean ok = switch (system) {
            case SNOMED -> SNOMED_CODE.matcher(code).matches();
            case ICD10 -> ICD10_CODE.matcher(code).matches();
            default -> RXNORM_CODE.matcher(code).matches();
        };
        if (!ok) {
            errors.put("code", switch (system) {
                case SNOMED -> "A SNOMED CT code is 6 to 18 digits, like 44054006";
                case ICD10 -> "An ICD-10 code looks like E11 or E11.9";
                default -> "An RxNorm code is digits, like 860975";
            });
        }
    }

    private static void require(String value, String field, String message, Map<String, String> errors) {
        if (value == null) {
            errors.putIfAbsent(field, message);
        }
    }

    /** A single-line part: refused with a control character anywhere, even at an end that stripping would drop. */
    private static String oneLine(String value, int max, String field, Map<String, String> errors) {
        if (value == null) {
            return null;
        }
        String v = Normalizer.normalize(value, Normalizer.Form.NFC).strip();
        if (v.isEmpty()) {
            return null;
        }
        if (!SingleLine.holds(value)) {
            errors.put(field, SingleLine.MESSAGE);
        } else if (v.length() > max) {
            errors.put(field, "At most " + max + " characters");
        }
        return v;
    }

    private static String cleanText(String value, Map<String, String> errors) {
        if (value == null) {
            return null;
        }
        String v = CONTROL.matcher(Normalizer.normalize(value, Normalizer.Form.NFC)).replaceAll("").strip();
        if (v.isEmpty()) {
            return null;
        }
        if (v.length() > EntryContent.MAX_TEXT) {
            errors.put("text", "At most " + EntryContent.MAX_TEXT + " characters");
        }
        return v;
    }
}
