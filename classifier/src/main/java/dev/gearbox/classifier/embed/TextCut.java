package dev.gearbox.classifier.embed;

/** Where to cut a text near an index without splitting a surrogate pair (half an emoji is not a character). */
public final class TextCut {

    private TextCut() {
    }

    /** The end of a start window at {@code at} or one char before it: {@code text.substring(0, result)}. */
    public static int endOfStart(String text, int at) {
        return at < text.length() && Character.isLowSurrogate(text.charAt(at)) ? at - 1 : at;
    }

    /** The start of an end window at {@code at} or one char after it: {@code text.substring(result)}. */
    public static int startOfEnd(String text, int at) {
        return at < text.length() && Character.isLowSurrogate(text.charAt(at)) ? at + 1 : at;
    }
}
