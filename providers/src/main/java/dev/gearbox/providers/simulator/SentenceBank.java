package dev.gearbox.providers.simulator;

import java.util.List;
import java.util.Random;

/** The built-in text the simulator composes answers from: neutral, plausible sentences and words. */
final class SentenceBank {
    private static final List<String> SENTENCES = List.of(
            "The short answer depends on a few details of your situation.",
            "A good first step is to break the problem into smaller parts.",
            "Most teams start with the simplest approach and measure before optimising.",
            "In practice the trade-off is between speed, cost and accuracy.",
            "It helps to write down the assumptions before drawing a conclusion.",
            "Several sources agree on the general idea, although the details vary.",
            "You can verify the result with a small example before applying it widely.",
            "The main risk is an edge case that the usual path does not cover.",
            "Consider how the answer changes when the input grows by an order of magnitude.",
            "A clear name and a short comment usually make the intent obvious.",
            "This approach has worked well in similar projects.",
            "If the numbers look surprising, check the units first.",
            "The documentation describes the recommended configuration in more depth.",
            "Caching the intermediate results can save a noticeable amount of time.",
            "There is no single correct answer, but some options are clearly better.",
            "Testing the change in isolation makes any regression easy to spot.",
            "The underlying principle is simple even if the implementation is not.",
            "Keep in mind that defaults are chosen for the common case.",
            "An incremental rollout limits the impact of a mistake.",
            "Finally, revisit the decision once you have real data.");

    private static final List<String> WORDS = List.of(
            "the", "a", "answer", "result", "value", "system", "model", "request", "option", "step",
            "data", "time", "cost", "quality", "example", "approach", "detail", "change", "case", "idea");

    private static final List<String> PHRASES = List.of(
            "quick summary", "sample value", "example text", "short note", "simulated content",
            "plausible detail", "generic label", "placeholder-free value");

    private SentenceBank() {
    }

    static String sentence(Random random) {
        return SENTENCES.get(random.nextInt(SENTENCES.size()));
    }

    static String word(Random random) {
        return WORDS.get(random.nextInt(WORDS.size()));
    }

    static String phrase(Random random) {
        return PHRASES.get(random.nextInt(PHRASES.size()));
    }
}
