package org.careledger.records;

import java.text.Normalizer;
import java.util.LinkedHashMap;
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
 * the free text (a note, a comment, a measured value) keeps its lines and tabs.
 */
public final class EntryRules {

    public static final String SNOMED = "SNOMED-CT";
    public static final String ICD10 = "ICD-10";
    public static final String RXNORM = "RxNorm";

    /** What a person reads for an attachment over {@link EntryContent#MAX_ATTACHMENT_BYTES}, whether the browser or the server finds it. */
    public static final String ATTACHMENT_TOO_LARGE = "The file is larger than " + EntryContent.MAX_ATTACHMENT_BYTES / (1024 * 1024)
            + " MB, the most an attachment may be";

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
                    checkCode(system, code, errors, true);
                }
                require(display, "display", "Give the diagnosis's name, as the code system displays it", errors);
            }
            case MEDICATION, ALLERGY -> {
                if (codePartsValid) {
                    checkCode(system, code, errors, false);
                }
                require(display, "display", category == RecordCategory.MEDICATION ? "Name the medicine" : "Name the substance", errors);
            }
            case VITAL_SIGNS, LAB_RESULT -> {
                require(display, "display", "Say what was measured", errors);
                require(text, "text", "Give the value with its unit", errors);
            }
            case CLINICAL_NOTE -> require(text, "text", "Write the note", errors);
            case ATTACHMENT -> attachment = checkAttachment(attachment, errors);
        }
        if (category != RecordCategory.ATTACHMENT && attachment != null) {
            errors.putIfAbsent("attachment", "Only an ATTACHMENT entry carries a file");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new EntryContent(system, code, display, text, attachment);
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

    private static void checkCode(String system, String code, Map<String, String> errors, boolean required) {
        if (system == null && code == null) {
            if (required) {
                errors.put("code", "Give a SNOMED CT or ICD-10 code");
            }
            return;
        }
        if (system == null) {
            errors.put("codeSystem", "Say which code system the code is from");
            return;
        }
        if (code == null) {
            errors.put("code", "Give the code");
            return;
        }
        boolean ok = switch (system) {
            case SNOMED -> SNOMED_CODE.matcher(code).matches();
            case ICD10 -> ICD10_CODE.matcher(code).matches();
            case RXNORM -> !required && RXNORM_CODE.matcher(code).matches();
            default -> false;
        };
        if (!ok) {
            errors.put("code", switch (system) {
                case SNOMED -> "A SNOMED CT code is 6 to 18 digits, like 44054006";
                case ICD10 -> "An ICD-10 code looks like E11 or E11.9";
                case RXNORM -> required ? "A diagnosis is coded in SNOMED CT or ICD-10" : "An RxNorm code is digits, like 860975";
                default -> "Unknown code system " + system;
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
