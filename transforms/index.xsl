<?xml version="1.0" encoding="UTF-8"?>
<!-- The site index: every edition with its title, date, speakers and links to each format, sorted by date.
     Input: the catalog that build writes (<editions><edition ...><format .../></edition></editions>). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="html" encoding="UTF-8" indent="no"/>
  <xsl:template match="/editions">
    <html lang="en">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="tei-edition"/>
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'"/>
        <title>Editions</title>
        <style>
body { margin: 0 auto; max-width: 52rem; padding: 2rem 1.25rem; font: 1rem/1.5 system-ui, sans-serif; color: #1d1d1f; background: #fffdf8; }
h1 { font: 1.8rem/1.2 Georgia, serif; }
ol { list-style: none; padding: 0; }
li { border-top: 1px solid #d8d8de; padding: .9rem 0; }
.title { font: 1.1rem/1.3 Georgia, serif; font-weight: 700; }
.meta { color: #5b5b60; font-size: .9rem; }
.formats a { margin-right: .8rem; color: #7a2e12; }
.formats a.open { color: #6b3d00; font-weight: 600; }
        </style>
      </head>
      <body>
        <h1>Editions</h1>
        <p class="meta"><xsl:value-of select="count(edition)"/> edition(s), sorted by date.</p>
        <ol>
          <xsl:for-each select="edition">
            <xsl:sort select="@date" order="ascending"/>
            <xsl:sort select="@title"/>
            <li>
              <div class="title"><a href="{format[@name = 'html']/@href}"><xsl:value-of select="@title"/></a></div>
              <div class="meta">
                <xsl:if test="@date != ''"><time datetime="{@date}"><xsl:value-of select="@date"/></time> · </xsl:if>
                <xsl:value-of select="@speakers"/>
              </div>
              <div class="formats">
                <xsl:for-each select="format">
                  <a href="{@href}"><xsl:value-of select="@label"/></a>
                </xsl:for-each>
                <xsl:if test="@open">
                  <a class="open" href="{@review}"><xsl:value-of select="@open"/> open question(s) for the editor</a>
                </xsl:if>
              </div>
            </li>
          </xsl:for-each>
        </ol>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
