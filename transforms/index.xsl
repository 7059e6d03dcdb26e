<?xml version="1.0" encoding="UTF-8"?>
<!-- The site index: every edition with its date, title, kind, speakers, counts and links to each format, by date.
     Input: the catalog tei/site.py writes (<site><edition ...><speaker/><format/></edition><person/><facet/></site>).
     Complete without JavaScript; site.js (a file, CSP script-src 'self') adds sorting, filters and the full-text
     search over search-index.js. The tools form is `hidden` until the script shows it. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="html" encoding="UTF-8" indent="no"/>
  <xsl:template match="/site">
    <html lang="en">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="tei-edition"/>
        <meta name="color-scheme" content="light dark"/>
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'"/>
        <title>Editions</title>
        <link rel="stylesheet" href="site.css"/>
        <script src="search-index.js" defer=""></script>
        <script src="site.js" defer=""></script>
      </head>
      <body>
        <a class="skip" href="#editions">Skip to the editions</a>
        <header>
          <h1>Editions</h1>
          <nav aria-label="Site"><a href="speakers.html">Speakers across the editions</a></nav>
        </header>
        <main id="main">
          <form id="tools" class="tools" role="search" hidden="" aria-label="Search and filter the editions">
            <div class="field wide">
              <label for="q">Search the transcripts</label>
              <input id="q" type="search" autocomplete="off" spellcheck="false" aria-describedby="q-help"/>
              <p id="q-help" class="help">Words or a phrase, in any case; matches titles and speakers too.</p>
            </div>
            <div class="field">
              <label for="f-speaker">Speaker</label>
              <select id="f-speaker">
                <option value="">Anyone</option>
                <xsl:for-each select="person">
                  <option value="{@key}"><xsl:value-of select="@name"/></option>
                </xsl:for-each>
              </select>
            </div>
            <div class="field">
              <label for="f-year">Year</label>
              <select id="f-year">
                <option value="">Any year</option>
                <xsl:for-each select="facet[@type = 'year']">
                  <option value="{@value}"><xsl:value-of select="@value"/></option>
                </xsl:for-each>
              </select>
            </div>
            <div class="field">
              <label for="f-kind">Kind</label>
              <select id="f-kind">
                <option value="">Any kind</option>
                <xsl:for-each select="facet[@type = 'kind']">
                  <option value="{@value}"><xsl:value-of select="@value"/></option>
                </xsl:for-each>
              </select>
            </div>
            <div class="field">
              <label for="sort">Sort by</label>
              <select id="sort">
                <option value="date">Date, oldest first</option>
                <option value="-date">Date, newest first</option>
                <option value="title">Title, A to Z</option>
                <option value="-words">Words, most first</option>
                <option value="-turns">Turns, most first</option>
              </select>
            </div>
          </form>
          <p id="status" class="meta" role="status"><xsl:value-of select="count(edition)"/> edition(s), sorted by date.</p>
          <section id="results" class="results" hidden="" aria-labelledby="results-heading">
            <h2 id="results-heading">Passages</h2>
            <ol id="hits"></ol>
            <p id="more" class="meta"></p>
          </section>
          <h2 id="editions">Editions</h2>
          <ol id="list" class="editions">
            <xsl:for-each select="edition">
              <li class="edition" data-stem="{@stem}" data-date="{@date}" data-title="{@title}" data-year="{@year}"
                  data-kind="{@kind}" data-words="{@words}" data-turns="{@turns}">
                <xsl:attribute name="data-speakers">
                  <xsl:for-each select="speaker[@key]"><xsl:value-of select="concat('|', @key)"/></xsl:for-each>
                  <xsl:text>|</xsl:text>
                </xsl:attribute>
                <h3 class="title">
                  <a href="{(format[@name = 'html'] | format[@name = 'tei'])[1]/@href}"><xsl:value-of select="@title"/></a>
                </h3>
                <p class="meta">
                  <xsl:if test="@date != ''"><time datetime="{@date}"><xsl:value-of select="@date"/></time> · </xsl:if>
                  <xsl:if test="@kind != ''"><span class="kind"><xsl:value-of select="@kind"/></span> · </xsl:if>
                  <span class="counts"><xsl:value-of select="concat(@turns, ' turn', substring('s', 1, @turns != 1), ', ', @words, ' word', substring('s', 1, @words != 1))"/></span>
                  <span class="hitcount"></span>
                </p>
                <xsl:if test="speaker">
                  <p class="speakers">
                    <xsl:for-each select="speaker">
                      <xsl:choose>
                        <xsl:when test="@slug"><a href="speakers.html#{@slug}"><xsl:value-of select="@printed"/></a></xsl:when>
                        <xsl:otherwise><xsl:value-of select="@printed"/></xsl:otherwise>
                      </xsl:choose>
                      <xsl:if test="position() != last()">, </xsl:if>
                    </xsl:for-each>
                  </p>
                </xsl:if>
                <p class="formats">
                  <xsl:for-each select="format">
                    <a href="{@href}"><xsl:value-of select="@label"/></a>
                  </xsl:for-each>
                  <xsl:if test="@open">
                    <a class="open" href="{@review}"><xsl:value-of select="@open"/> open question(s) for the editor</a>
                  </xsl:if>
                </p>
              </li>
            </xsl:for-each>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
