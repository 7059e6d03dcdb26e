<?xml version="1.0" encoding="UTF-8"?>
<!-- The speakers page: one section per person (merged across editions by normalised name, tei/site.py), linking
     every turn of that person in every edition. Input: the same catalog as index.xsl. No script. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="html" encoding="UTF-8" indent="no"/>
  <xsl:template match="/site">
    <html lang="en">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="tei-edition"/>
        <meta name="color-scheme" content="light dark"/>
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'"/>
        <title>Speakers across the editions</title>
        <link rel="stylesheet" href="site.css"/>
      </head>
      <body>
        <a class="skip" href="#main">Skip to the speakers</a>
        <header>
          <h1>Speakers</h1>
          <nav aria-label="Site"><a href="index.html">All editions</a></nav>
        </header>
        <main id="main">
          <p class="meta">
            <xsl:value-of select="count(person)"/> person(s) in <xsl:value-of select="count(edition)"/> edition(s).
            A person is the same across editions when the name printed (without office or courtesy title, case
            and accents aside) is the same; moderators, interpreters, staff and questioners are not merged.
          </p>
          <nav aria-labelledby="people-heading" class="people">
            <h2 id="people-heading">People</h2>
            <ul>
              <xsl:for-each select="person">
                <li><a href="#{@slug}"><xsl:value-of select="@name"/></a>
                  <xsl:value-of select="concat(' (', @turns, ' turn', substring('s', 1, @turns != 1), ', ', count(in), ' edition', substring('s', 1, count(in) != 1), ')')"/></li>
              </xsl:for-each>
            </ul>
          </nav>
          <xsl:for-each select="person">
            <section class="person" id="{@slug}" aria-labelledby="{@slug}-name">
              <h2 id="{@slug}-name"><xsl:value-of select="@name"/></h2>
              <p class="meta">As printed: <xsl:value-of select="@printed"/></p>
              <xsl:for-each select="in">
                <h3 class="title">
                  <a href="{@href}"><xsl:value-of select="@title"/></a>
                  <xsl:if test="@date != ''"> <span class="meta"> · <time datetime="{@date}"><xsl:value-of select="@date"/></time></span></xsl:if>
                </h3>
                <ol class="turns">
                  <xsl:variable name="href" select="@href"/>
                  <xsl:for-each select="turn">
                    <li><a href="{$href}#{@id}"><xsl:value-of select="@id"/></a>
                      <xsl:if test="@opening != ''"><xsl:text> </xsl:text><span class="opening"><xsl:value-of select="@opening"/></span></xsl:if></li>
                  </xsl:for-each>
                </ol>
              </xsl:for-each>
            </section>
          </xsl:for-each>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
