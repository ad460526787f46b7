package dev.sessiondb.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.io.Writer;
import org.junit.jupiter.api.Test;

class LoneSurrogateEscapesTest {

    private final StringWriter written = new StringWriter();
    private final Writer out = LoneSurrogateEscapes.around(written);

    @Test
    void aHalfPairIsWrittenAsItsEscapeAndAWholePairAsItIs() throws Exception {
        out.write("cut \ud83d, low \ude80 first, paired \ud83d\ude80, end \ud83d");
        out.flush();

        assertThat(written).hasToString("cut \\ud83d, low \\ude80 first, paired \ud83d\ude80, end \\ud83d");
    }

    @Test
    void aPairSplitBetweenTwoWritesStaysAPair() throws Exception {
        out.write("rocket \ud83d");
        out.write("\ude80 launched");
        out.write('\ud83d');
        out.write("x");
        out.close();

        assertThat(written).hasToString("rocket \ud83d\ude80 launched\\ud83dx");
    }
}
