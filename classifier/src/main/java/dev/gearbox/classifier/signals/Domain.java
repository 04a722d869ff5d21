package dev.gearbox.classifier.signals;

import java.util.List;
import java.util.Locale;

/** Subject areas with keyword lists; a prompt's hits per area are a routing signal. */
public enum Domain {
    CODE("code", "function", "python", "java", "javascript", "sql", "bug", "compile", "algorithm", "api", "regex",
            "class", "script", "debug", "implement", "c++", "rust", "typescript", "html", "css"),
    MATH("calculate", "solve", "equation", "integral", "derivative", "probability", "prove", "sum", "average",
            "percent", "how many", "how much", "total", "matrix", "polynomial", "theorem", "ratio", "fraction"),
    SCIENCE("physics", "chemistry", "biology", "molecule", "energy", "cell", "atom", "force", "reaction", "gene",
            "velocity", "electron", "species", "organism", "protein"),
    LAW("law", "court", "statute", "plaintiff", "defendant", "contract", "legal", "constitution", "liability",
            "tort", "jurisdiction", "negligence"),
    MEDICINE("patient", "diagnosis", "symptom", "disease", "treatment", "clinical", "drug", "syndrome", "medical",
            "infection", "dose"),
    BUSINESS("market", "price", "cost", "revenue", "profit", "tax", "economy", "inflation", "demand", "supply",
            "accounting", "investment", "interest rate"),
    WRITING("write", "story", "poem", "essay", "letter", "rewrite", "summarize", "email", "blog", "tone", "creative",
            "draft", "lyrics"),
    REASONING("why", "explain", "reason", "logic", "argument", "compare", "analyze", "evaluate", "step by step",
            "puzzle", "riddle");

    private final KeywordCounter keywords;

    Domain(String... keywords) {
        this.keywords = new KeywordCounter(List.of(keywords));
    }

    /** The keywords, lower-case literals. */
    public List<String> keywords() {
        return keywords.keywords();
    }

    /** How many keyword occurrences of this domain the text contains (case-insensitive). */
    public int hits(String text) {
        return hitsInLowerCase(text.toLowerCase(Locale.ROOT));
    }

    /** As {@link #hits}, for a text already lower-cased (so a caller checking every domain lower-cases once). */
    int hitsInLowerCase(String lowerCase) {
        return keywords.count(lowerCase);
    }
}
