package org.careledger.ui;

/** Text from a request (an address, a parameter) made safe to show: one line, bounded length. */
final class SafeText {

    private SafeText() {
    }

    static String clip(String text, int max) {
        String oneLine = text.replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
    }
}
