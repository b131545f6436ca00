package org.brainfx.app.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The user guide is the README's workbench section, read from the bundle; the samples say where they come from. */
class GuideTextTest {

    @Test
    void aSectionBecomesHeadingsParagraphsAndItemsWithoutMarks() {
        String md = String.join("\n", "# Title", "intro", "## The workbench", "", "`./brainfx` opens **it**.",
                "", "![picture](docs/x.png)", "", "- **Layout.** Menu [bar](http://x).", "  more of the item",
                "### Sub", "```sh", "brainfx fit X", "```", "## Next", "not included");
        List<GuideText.Block> blocks = GuideText.section(md, "The workbench");
        assertEquals(List.of(new GuideText.Block(GuideText.Kind.PARAGRAPH, "./brainfx opens it."),
                new GuideText.Block(GuideText.Kind.ITEM, "Layout. Menu bar. more of the item"),
                new GuideText.Block(GuideText.Kind.HEADING, "Sub"),
                new GuideText.Block(GuideText.Kind.CODE, "brainfx fit X")), blocks);
    }

    @Test
    void theBundledReadmeHasTheWorkbenchSection() {
        List<GuideText.Block> guide = GuideText.section(HelpWindows.GUIDE_SECTION);
        assertTrue(guide.stream().anyMatch(b -> b.kind() == GuideText.Kind.ITEM && b.text().startsWith("Nothing lost.")),
                guide.toString());
        assertTrue(guide.stream().noneMatch(b -> b.text().contains("**") || b.text().contains("![")));
    }

    @Test
    void everySampleSaysWhereItComesFrom() {
        List<SampleProvenance.Entry> entries = SampleProvenance.of(Path.of("..", "sample-projects"));
        List<String> names = entries.stream().map(SampleProvenance.Entry::name).toList();
        assertTrue(names.containsAll(List.of("abf-steps", "hh-synthetic", "nwb-steps", "data/hh-traces")), names.toString());
        SampleProvenance.Entry abf = entries.get(names.indexOf("abf-steps"));
        assertTrue(abf.provenance().contains("pyABF") && abf.provenance().contains("MIT"), abf.provenance());
        SampleProvenance.Entry hh = entries.get(names.indexOf("hh-synthetic"));
        assertTrue(hh.about().contains("Wang et al. 2024"), hh.about());
    }
}
