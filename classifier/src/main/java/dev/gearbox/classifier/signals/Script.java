package dev.gearbox.classifier.signals;

/** The writing system most of a prompt's letters belong to: a cheap, robust language guess. */
public enum Script {
    LATIN, CYRILLIC, CJK, ARABIC, OTHER, NONE;

    /** The script of the majority of letters in the text; NONE when it has no letters. */
    public static Script of(String text) {
        int[] counts = new int[values().length];
        text.codePoints().filter(Character::isLetter).forEach(cp -> counts[classify(cp).ordinal()]++);
        Script best = NONE;
        int bestCount = 0;
        for (Script s : values()) {
            if (counts[s.ordinal()] > bestCount) {
                best = s;
                bestCount = counts[s.ordinal()];
            }
        }
        return best;
    }

    private static Script classify(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return switch (s) {
            case LATIN -> LATIN;
            case CYRILLIC -> CYRILLIC;
            case HAN, HIRAGANA, KATAKANA, HANGUL -> CJK;
            case ARABIC -> ARABIC;
            default -> OTHER;
        };
    }
}
