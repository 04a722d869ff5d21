package dev.gearbox.core.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts of a prompt that an embedding blurs but that change the right answer: its numbers (in
 * order, number words as digits), how many negations it has, its named entities (capitalized or
 * mixed-case words not opening a sentence), its date words, its units (synonyms folded: "km" and
 * "kilometers" are one unit), the ordered pairs around comparison words ("A vs B", "X than Y"), its
 * words in order (lower-cased, possessives dropped) and as a set. {@link LexicalGuard} compares two signatures.
 */
record LexicalSignature(List<String> numbers, int negations, Set<String> entities, Set<String> dates,
                        Set<String> units, List<List<String>> comparisons, List<String> words, Set<String> vocabulary) {

    private static final Pattern TOKEN = Pattern.compile(
            "(?<number>\\d+(?:[.,]\\d+)*)(?<suffix>[A-Za-z°%]+)?|(?<word>[\\p{L}][\\p{L}\\p{N}'’+#-]*)|(?<symbol>[%$€£¥°])|(?<stop>[.!?:;\\n])");
    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "none", "nobody", "nothing", "neither",
            "nor", "nowhere", "without", "cannot", "hardly", "barely");
    private static final Map<String, String> NUMBER_WORDS = Map.ofEntries(
            Map.entry("zero", "0"), Map.entry("one", "1"), Map.entry("two", "2"), Map.entry("three", "3"),
            Map.entry("four", "4"), Map.entry("five", "5"), Map.entry("six", "6"), Map.entry("seven", "7"),
            Map.entry("eight", "8"), Map.entry("nine", "9"), Map.entry("ten", "10"), Map.entry("eleven", "11"),
            Map.entry("twelve", "12"), Map.entry("thirteen", "13"), Map.entry("fourteen", "14"),
            Map.entry("fifteen", "15"), Map.entry("sixteen", "16"), Map.entry("seventeen", "17"),
            Map.entry("eighteen", "18"), Map.entry("nineteen", "19"), Map.entry("twenty", "20"),
            Map.entry("thirty", "30"), Map.entry("forty", "40"), Map.entry("fifty", "50"), Map.entry("sixty", "60"),
            Map.entry("seventy", "70"), Map.entry("eighty", "80"), Map.entry("ninety", "90"),
            Map.entry("hundred", "100"), Map.entry("thousand", "1000"), Map.entry("million", "1000000"),
            Map.entry("billion", "1000000000"), Map.entry("dozen", "12"), Map.entry("half", "0.5"),
            Map.entry("twice", "2"), Map.entry("double", "2"), Map.entry("triple", "3"));
    /** "may" is left out: as a verb it is far more common than the month. */
    private static final Set<String> DATE_WORDS = Set.of("january", "february", "march", "april", "june", "july",
            "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
            "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday", "today", "tomorrow", "yesterday", "tonight", "next", "last", "previous", "ago", "spring",
            "summer", "autumn", "fall", "winter", "morning", "evening", "weekend", "hourly", "daily", "weekly",
            "monthly", "quarterly", "yearly", "annual", "annually");
    /** Every unit spelling, for suffixes glued to a number ("5m", "10s"). */
    private static final Map<String, String> GLUED_UNITS = unitSpellings();
    /** Unit spellings that stand alone as words; single letters that are also words ("a", "in", "m") left out. */
    private static final Map<String, String> UNIT_WORDS = standaloneUnits();
    private static final Set<String> COMPARATORS = Set.of("vs", "versus", "v", "than", "over", "or", "against",
            "instead", "before", "after", "into", "to", "from");

    static LexicalSignature of(String text) {
        List<String> numbers = new ArrayList<>();
        int negations = 0;
        Set<String> entities = new TreeSet<>();
        Set<String> dates = new TreeSet<>();
        Set<String> units = new TreeSet<>();
        List<String> words = new ArrayList<>();
        List<Integer> comparatorAt = new ArrayList<>();
        boolean sentenceStart = true;
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            if (m.group("stop") != null) {
                sentenceStart = true;
                continue;
            }
            if (m.group("number") != null) {
                numbers.add(m.group("number").replace(",", ""));
                words.add(m.group("number"));
                String suffix = m.group("suffix");
                if (suffix != null) {
                    String unit = GLUED_UNITS.get(suffix.toLowerCase(Locale.ROOT));
                    units.add(unit != null ? unit : suffix.toLowerCase(Locale.ROOT));
                }
                sentenceStart = false;
                continue;
            }
            if (m.group("symbol") != null) {
                unit(m.group("symbol"), units);
                continue;
            }
            String word = m.group("word");
            String lower = word.toLowerCase(Locale.ROOT).replace('’', '\'');
            if (lower.endsWith("'s") && lower.length() > 2) {
                lower = lower.substring(0, lower.length() - 2); // possessive: "Dylan's" names Dylan
            }
            words.add(lower);
            if (NEGATIONS.contains(lower) || lower.endsWith("n't")) {
                negations++;
            }
            if (NUMBER_WORDS.containsKey(lower)) {
                numbers.add(NUMBER_WORDS.get(lower));
            }
            if (DATE_WORDS.contains(lower)) {
                dates.add(lower);
            }
            unit(lower, units);
            if (isEntity(lower, word, sentenceStart)) {
                entities.add(lower);
            }
            if (COMPARATORS.contains(lower)) {
                comparatorAt.add(words.size() - 1);
            }
            sentenceStart = false;
        }
        List<List<String>> comparisons = new ArrayList<>();
        for (int at : comparatorAt) {
            if (at > 0 && at + 1 < words.size()) {
                comparisons.add(List.of(words.get(at - 1), words.get(at + 1)));
            }
        }
        return new LexicalSignature(List.copyOf(numbers), negations, Set.copyOf(entities), Set.copyOf(dates),
                Set.copyOf(units), List.copyOf(comparisons), List.copyOf(words), Set.copyOf(words));
    }

    /** Whether two words spell the same unit ("km" and "kilometers"). */
    static boolean sameUnit(String a, String b) {
        String unit = GLUED_UNITS.get(a);
        return unit != null && unit.equals(GLUED_UNITS.get(b));
    }

    /** Capitalized away from a sentence start, or mixed case / an acronym anywhere ("iPhone", "SQL"); not "I". */
    private static boolean isEntity(String lower, String word, boolean sentenceStart) {
        if (lower.length() < 2) {
            return false;
        }
        boolean innerUpper = false;
        for (int i = 1; i < word.length(); i++) {
            if (Character.isUpperCase(word.charAt(i))) {
                innerUpper = true;
                break;
            }
        }
        return innerUpper || (!sentenceStart && Character.isUpperCase(word.charAt(0)));
    }

    private static void unit(String token, Set<String> units) {
        String canonical = UNIT_WORDS.get(token.toLowerCase(Locale.ROOT));
        if (canonical != null) {
            units.add(canonical);
        }
    }

    private static Map<String, String> unitSpellings() {
        Map<String, String> u = new java.util.HashMap<>();
        String[][] groups = {
            {"km", "kilometer", "kilometers", "kilometre", "kilometres", "kms"},
            {"m", "meter", "meters", "metre", "metres"},
            {"cm", "centimeter", "centimeters", "centimetre", "centimetres"},
            {"mm", "millimeter", "millimeters", "millimetre", "millimetres"},
            {"mile", "miles", "mi"}, {"ft", "foot", "feet"}, {"in", "inch", "inches"}, {"yd", "yard", "yards"},
            {"kg", "kilogram", "kilograms", "kilo", "kilos", "kgs"}, {"g", "gram", "grams"},
            {"lb", "lbs", "pound", "pounds"}, {"oz", "ounce", "ounces"},
            {"l", "liter", "liters", "litre", "litres"}, {"ml", "milliliter", "milliliters", "millilitre"},
            {"gal", "gallon", "gallons"}, {"celsius", "°c", "c°"}, {"fahrenheit", "°f", "f°"}, {"kelvin"},
            {"°", "degree", "degrees"}, {"%", "percent", "percentage"},
            {"$", "usd", "dollar", "dollars"}, {"€", "eur", "euro", "euros"}, {"£", "gbp", "sterling"},
            {"¥", "yen", "jpy"}, {"h", "hr", "hrs", "hour", "hours"}, {"min", "mins", "minute", "minutes"},
            {"s", "sec", "secs", "second", "seconds"}, {"ms", "millisecond", "milliseconds"},
            {"day", "days"}, {"week", "weeks"}, {"month", "months"}, {"year", "years", "yr", "yrs"},
            {"kb", "kilobyte", "kilobytes"}, {"mb", "megabyte", "megabytes"}, {"gb", "gigabyte", "gigabytes"},
            {"tb", "terabyte", "terabytes"}, {"byte", "bytes"}, {"bit", "bits"}, {"mph"}, {"kmh", "kph"},
            {"hz", "hertz"}, {"khz"}, {"mhz"}, {"ghz"}, {"w", "watt", "watts"}, {"kw", "kilowatt", "kilowatts"},
            {"kwh"}, {"v", "volt", "volts"}, {"a", "amp", "amps", "ampere", "amperes"},
        };
        for (String[] group : groups) {
            for (String name : group) {
                u.put(name, group[0]);
            }
        }
        return Map.copyOf(u);
    }

    private static Map<String, String> standaloneUnits() {
        Map<String, String> u = new java.util.HashMap<>(unitSpellings());
        for (String ambiguous : List.of("m", "in", "g", "l", "h", "s", "v", "a", "mi", "min", "sec", "day", "week",
                "month", "year", "days", "weeks", "months", "years", "bit", "bits", "w")) {
            u.remove(ambiguous);
        }
        return Map.copyOf(u);
    }
}
