"""`kosh outline` prints the heading tree kosh finds in the shipped article, exactly."""
import os

from harness import CORPUS, Workspace, check, error_line, main

EXPECTED_TOP = """\
Nepal-Russia Relations: A Deep Dive into Enduring Ties and Future Prospects
  Introduction
  Historical Foundations: A Legacy of Enduring Friendship
    The Dawn of Diplomatic Ties (1956)
    Soviet Era Support: A Pillar of Development
    Navigating Post-Soviet Transition and Continuity
  Pillars of Cooperation: Beyond Traditional Diplomacy
    Economic Engagement: Trade, Investment, and Potential
    Educational and Cultural Exchange: Bridging Hearts and Minds
    Defense and Security Dialogue: Building Trust and Capability
    Multilateral Forums: A Shared Voice on Global Stages
  Key Areas for Future Synergy: Unlocking Untapped Potential
    Harnessing Hydropower and Clean Energy
    Tourism, Aviation, and People-to-People Connectivity
    Agriculture, Fertiliser, and Food Security
    Science, Technology, and Space Cooperation
  Navigating the Landscape: Challenges and Opportunities Ahead
    Balancing Relations with Powerful Neighbours
    The Ukraine War and Recruitment of Nepali Citizens
    Logistics, Connectivity, and Payment Barriers
    Turning Goodwill into Concrete Opportunities
  Conclusion
"""


def test_shipped_article_outline():
    with Workspace() as ws:
        run = ws.kosh("outline", os.path.join(CORPUS, "nepal-russia-relations.txt"), expect=0)
        check(run.stdout == EXPECTED_TOP, "outline differs", run)


def test_markdown_outline():
    with Workspace() as ws:
        ws.write("guide.md", "# Guide\n\nIntro.\n\n## Install\n\n```\n# not a heading\n```\n\n### From source\n\nText.\n\nUsage\n-----\n\nMore.\n")
        run = ws.kosh("outline", "guide.md", expect=0)
        check(run.stdout == "Guide\n  Install\n    From source\n  Usage\n", "markdown outline differs", run)


def test_outline_of_missing_file_is_an_error():
    with Workspace() as ws:
        run = ws.kosh("outline", "nope.txt", expect=2)
        error_line(run, "kosh: nope.txt: No such file or directory")


if __name__ == "__main__":
    main([test_shipped_article_outline, test_markdown_outline, test_outline_of_missing_file_is_an_error])
