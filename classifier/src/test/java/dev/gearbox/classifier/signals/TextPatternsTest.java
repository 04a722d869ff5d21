package dev.gearbox.classifier.signals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextPatternsTest {

    @Test
    void countsFencedAndUnfencedCode() {
        assertThat(TextPatterns.codeBlocks("Fix this:\n```python\nprint(1)\n```\nand\n```js\nx()\n```")).isEqualTo(2);
        assertThat(TextPatterns.codeBlocks("def f(x):\n    return x")).isEqualTo(2);
        assertThat(TextPatterns.codeBlocks("Tell me about the French revolution.")).isZero();
    }

    @Test
    void countsMathExpressions() {
        assertThat(TextPatterns.mathExpressions("Solve 3x + 2 = 11 and compute 4 * 5")).isEqualTo(2);
        assertThat(TextPatterns.mathExpressions("What is \\frac{1}{2} of x^2?")).isEqualTo(2);
        assertThat(TextPatterns.mathExpressions("Write a poem about spring.")).isZero();
    }

    @Test
    void countsNumbersQuestionsAndOptions() {
        assertThat(TextPatterns.numbers("She paid $12.50 for 3 apples, a 20% discount.")).isEqualTo(3);
        assertThat(TextPatterns.questions("Why? How? 为什么？")).isEqualTo(3);
        assertThat(TextPatterns.answerOptions("Pick one.\nA. red\nB. blue\nC. green\nD. none\nAnswer:")).isEqualTo(4);
        assertThat(TextPatterns.answerOptions("A dog barked.")).isZero();
    }
}
