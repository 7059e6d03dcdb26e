<?xml version="1.0" encoding="UTF-8"?>
<!-- Markdown edition (CommonMark + footnotes), for repositories and static sites. The transcript sits between
     <!- - transcript - -> comments; Markdown syntax characters in the source's words are escaped. The YAML
     front matter before it is written by tei/frontmatter.py (YAML quoting is not an XSLT 1.0 job). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:t="http://www.tei-c.org/ns/1.0" xmlns:f="urn:x-tei-edition:functions"
                exclude-result-prefixes="t f">
  <xsl:import href="common.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="$ours"><xsl:call-template name="transcript"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="any-tei"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Any other TEI: every block of <text> and its footnotes, between transcript markers that say so. -->
  <xsl:template name="any-tei">
    <xsl:text># </xsl:text><xsl:call-template name="escape"><xsl:with-param name="s"><xsl:call-template name="any-title"/></xsl:with-param></xsl:call-template>
    <xsl:text>&#10;&#10;</xsl:text>
    <xsl:variable name="authors"><xsl:call-template name="any-authors"/></xsl:variable>
    <xsl:if test="$authors != ''">- Author: <xsl:call-template name="escape"><xsl:with-param name="s" select="$authors"/></xsl:call-template><xsl:text>&#10;&#10;</xsl:text></xsl:if>
    <xsl:text>&lt;!-- transcript any-tei --&gt;&#10;&#10;</xsl:text>
    <xsl:apply-templates select="/t:TEI/t:text" mode="gen"/>
    <xsl:for-each select="$FOOTNOTES">
      <xsl:variable name="s"><xsl:apply-templates mode="geni"/></xsl:variable>
      <xsl:value-of select="concat('[^', f:number(.), ']: ', normalize-space($s))"/><xsl:text>&#10;&#10;</xsl:text>
    </xsl:for-each>
    <xsl:text>&lt;!-- /transcript --&gt;&#10;</xsl:text>
  </xsl:template>

  <xsl:template name="gpara">
    <xsl:param name="text"/><xsl:param name="kind"/><xsl:param name="node" select="."/>
    <xsl:if test="normalize-space($text) != ''">
      <xsl:choose>
        <xsl:when test="$kind = 'label'"><xsl:value-of select="concat('**', normalize-space($text), '**')"/></xsl:when>
        <xsl:otherwise><xsl:call-template name="block-start"><xsl:with-param name="s" select="normalize-space($text)"/></xsl:call-template></xsl:otherwise>
      </xsl:choose>
      <xsl:text>&#10;&#10;</xsl:text>
    </xsl:if>
  </xsl:template>
  <!-- A paragraph that starts like a list item ("18. ", "+ ") or a rule ("=", "-" alone) would not render as
       a paragraph: its first mark is escaped. -->
  <xsl:template name="block-start">
    <xsl:param name="s"/>
    <xsl:variable name="digits" select="string-length($s) - string-length(translate($s, '0123456789', '')) &gt; 0
                  and translate(substring-before(concat(translate($s, '.)', '..'), '.'), '.'), '0123456789', '') = ''"/>
    <xsl:variable name="lead" select="string-length(substring-before(translate($s, ')', '.'), '.'))"/>
    <xsl:choose>
      <xsl:when test="$digits and $lead &gt; 0 and $lead &lt; 10">
        <xsl:value-of select="concat(substring($s, 1, $lead), '\', substring($s, $lead + 1))"/>
      </xsl:when>
      <xsl:when test="starts-with($s, '+ ') or starts-with($s, '= ') or $s = '-' or $s = '='">
        <xsl:value-of select="concat('\', $s)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- Verse: a hard line break (backslash) after each line but the last of a group. -->
  <xsl:template name="gverse">
    <xsl:param name="text"/>
    <xsl:value-of select="normalize-space($text)"/>
    <xsl:choose>
      <xsl:when test="following-sibling::*[1]/self::t:l"><xsl:text>\&#10;</xsl:text></xsl:when>
      <xsl:otherwise><xsl:text>&#10;&#10;</xsl:text></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="t:head" mode="gen">
    <xsl:variable name="s"><xsl:apply-templates mode="geni"/></xsl:variable>
    <xsl:if test="normalize-space($s) != ''">
      <xsl:value-of select="concat(substring('######', 1, 2 + f:depth(.) - (f:depth(.) &gt; 4) * (f:depth(.) - 4)), ' ', normalize-space($s))"/>
      <xsl:text>&#10;&#10;</xsl:text>
    </xsl:if>
  </xsl:template>
  <xsl:template match="t:speaker" mode="gen">
    <xsl:variable name="s"><xsl:apply-templates mode="geni"/></xsl:variable>
    <xsl:call-template name="gpara"><xsl:with-param name="text" select="$s"/><xsl:with-param name="kind" select="'label'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="t:stage" mode="gen">
    <xsl:variable name="s"><xsl:apply-templates mode="geni"/></xsl:variable>
    <xsl:if test="normalize-space($s) != ''"><xsl:value-of select="concat('*', normalize-space($s), '*')"/><xsl:text>&#10;&#10;</xsl:text></xsl:if>
  </xsl:template>
  <xsl:template match="text()" mode="geni">
    <xsl:variable name="s"><xsl:apply-imports/></xsl:variable>
    <!-- & too: "&amp;" in the source's words must not read as an entity -->
    <xsl:call-template name="escape"><xsl:with-param name="s" select="$s"/>
      <xsl:with-param name="specials" select="'\`*_[]&lt;&gt;#|&amp;'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="t:hi | t:emph" mode="geni">
    <xsl:variable name="s"><xsl:apply-templates mode="geni"/></xsl:variable>
    <xsl:variable name="mark" select="substring('***', 1, 1 + (f:rend(., 'bold') or f:rend(., 'b')))"/>
    <xsl:choose>
      <xsl:when test="normalize-space($s) = ''"><xsl:value-of select="$s"/></xsl:when>
      <!-- a space at the inner edge ("<hi>well beyond </hi>the") goes outside the marks, where Markdown keeps it -->
      <xsl:otherwise><xsl:value-of select="concat(substring(' ', 1, number(translate(substring($s, 1, 1), '&#9;&#10;&#13; ', '') = '')),
                                                  $mark, normalize-space($s), $mark,
                                                  substring(' ', 1, number(translate(substring($s, string-length($s)), '&#9;&#10;&#13; ', '') = '')))"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="gnote-ref"><xsl:param name="number" select="f:number(.)"/><xsl:value-of select="concat('[^', $number, ']')"/></xsl:template>

  <xsl:template name="transcript">
    <xsl:text># </xsl:text><xsl:call-template name="escape"><xsl:with-param name="s"><xsl:call-template name="title"/></xsl:with-param></xsl:call-template>
    <xsl:text>&#10;&#10;</xsl:text>
    <xsl:variable name="iso"><xsl:call-template name="date-iso"/></xsl:variable>
    <xsl:variable name="speaker"><xsl:call-template name="principal"/></xsl:variable>
    <xsl:variable name="url"><xsl:call-template name="source-url"/></xsl:variable>
    <xsl:variable name="safe-url"><xsl:call-template name="safe-url"><xsl:with-param name="url" select="$url"/></xsl:call-template></xsl:variable>
    <xsl:if test="$iso != ''">- Date: <xsl:call-template name="date-long"><xsl:with-param name="iso" select="$iso"/></xsl:call-template><xsl:text>&#10;</xsl:text></xsl:if>
    <xsl:if test="$speaker != ''">- Speaker: <xsl:value-of select="$speaker"/><xsl:text>&#10;</xsl:text></xsl:if>
    <xsl:text>- Source: </xsl:text>
    <xsl:choose>
      <xsl:when test="$url != '' and string-length($safe-url) > 0">[<xsl:call-template name="publisher"/>](&lt;<xsl:value-of select="$url"/>&gt;)</xsl:when>
      <xsl:otherwise><xsl:call-template name="publisher"/></xsl:otherwise>
    </xsl:choose>
    <xsl:text>&#10;&#10;&lt;!-- transcript --&gt;&#10;&#10;</xsl:text>
    <xsl:apply-templates select="/t:TEI/t:text/t:front/* | /t:TEI/t:text/t:body/t:div"/>
    <xsl:text>&lt;!-- /transcript --&gt;&#10;</xsl:text>
    <xsl:variable name="notes" select="/t:TEI/t:text/t:body//t:note[not(@place = 'inline')]"/>
    <xsl:if test="$notes">
      <xsl:text>&#10;</xsl:text>
      <xsl:for-each select="$notes">
        <xsl:text>[^</xsl:text><xsl:call-template name="note-number"/><xsl:text>]: </xsl:text>
        <xsl:call-template name="flat"/><xsl:call-template name="note-certainty"/><xsl:text>&#10;</xsl:text>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <xsl:template name="block">
    <xsl:param name="text"/>
    <xsl:value-of select="normalize-space($text)"/><xsl:text>&#10;&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="t:front/*">
    <xsl:call-template name="block"><xsl:with-param name="text">&gt; <xsl:call-template name="flat"/></xsl:with-param></xsl:call-template>
  </xsl:template>
  <xsl:template match="t:head">
    <xsl:call-template name="block"><xsl:with-param name="text">## <xsl:call-template name="flat"/></xsl:with-param></xsl:call-template>
  </xsl:template>
  <xsl:template match="t:stage">
    <xsl:call-template name="block"><xsl:with-param name="text">*<xsl:call-template name="flat"/>*</xsl:with-param></xsl:call-template>
  </xsl:template>
  <xsl:template match="t:div"><xsl:apply-templates select="*"/></xsl:template>
  <xsl:template match="t:div/t:p">
    <xsl:call-template name="block"><xsl:with-param name="text"><xsl:call-template name="flat"/></xsl:with-param></xsl:call-template>
  </xsl:template>
  <xsl:template match="t:div/t:gap | t:div/t:vocal | t:div/t:kinesic | t:div/t:incident | t:div/t:pause">
    <xsl:call-template name="block"><xsl:with-param name="text"><xsl:call-template name="flat"><xsl:with-param name="nodes" select="."/></xsl:call-template></xsl:with-param></xsl:call-template>
  </xsl:template>
  <xsl:template match="t:div/t:note"/>

  <xsl:template match="t:sp">
    <xsl:variable name="label">
      <xsl:text>**</xsl:text>
      <!-- the label is the speaker's words (inside <text>) and editorial brackets, no syntax of its own -->
      <xsl:choose>
        <xsl:when test="$SPECIAL_FREE"><xsl:call-template name="label"/></xsl:when>
        <xsl:otherwise><xsl:call-template name="escape"><xsl:with-param name="s"><xsl:call-template name="label"/></xsl:with-param></xsl:call-template></xsl:otherwise>
      </xsl:choose>
      <xsl:text>**</xsl:text>
      <xsl:for-each select="t:note[not(@place = 'inline')]"><xsl:call-template name="note-ref"/></xsl:for-each>
    </xsl:variable>
    <xsl:variable name="blocks" select="t:p | t:stage | t:gap | t:vocal | t:kinesic | t:incident | t:pause | t:note[@place = 'inline']"/>
    <xsl:for-each select="$blocks">
      <xsl:call-template name="block">
        <xsl:with-param name="text">
          <xsl:if test="position() = 1"><xsl:value-of select="concat($label, ' ')"/></xsl:if>
          <xsl:choose>
            <xsl:when test="self::t:p or self::t:stage"><xsl:call-template name="flat"/></xsl:when>
            <xsl:otherwise><xsl:call-template name="flat"><xsl:with-param name="nodes" select="."/></xsl:call-template></xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:if test="not($blocks)"><xsl:call-template name="block"><xsl:with-param name="text" select="$label"/></xsl:call-template></xsl:if>
  </xsl:template>

  <!-- Markdown forms of the common hooks -->
  <!-- Most text has no Markdown syntax characters: print it directly, escape only the rest. Most transcripts
       have none in their whole <text> (inline mode only ever reaches text inside it): $SPECIAL_FREE, tested once,
       spares the per-node test. That test is contains(), each a plain byte scan: translate() decodes and looks
       up every character of the text (and as a pattern predicate libxslt also counts the node's preceding
       siblings for the context position). -->
  <xsl:variable name="SPECIAL_FREE" select="not(contains(/t:TEI/t:text, '\') or contains(/t:TEI/t:text, '`') or contains(/t:TEI/t:text, '*')
                or contains(/t:TEI/t:text, '_') or contains(/t:TEI/t:text, '[') or contains(/t:TEI/t:text, ']') or contains(/t:TEI/t:text, '&lt;')
                or contains(/t:TEI/t:text, '&gt;') or contains(/t:TEI/t:text, '#') or contains(/t:TEI/t:text, '|'))"/>
  <xsl:template match="text()" mode="inline">
    <xsl:variable name="s" select="string(.)"/>
    <xsl:choose>
      <xsl:when test="$SPECIAL_FREE"><xsl:value-of select="$s"/></xsl:when>
      <xsl:when test="contains($s, '\') or contains($s, '`') or contains($s, '*') or contains($s, '_') or contains($s, '[')
                      or contains($s, ']') or contains($s, '&lt;') or contains($s, '&gt;') or contains($s, '#') or contains($s, '|')">
        <xsl:call-template name="escape"><xsl:with-param name="s" select="$s"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="emphasis"><xsl:param name="content"/>*<xsl:value-of select="normalize-space($content)"/>*</xsl:template>
  <xsl:template name="deleted"><xsl:param name="content"/>~~<xsl:value-of select="normalize-space($content)"/>~~</xsl:template>
  <xsl:template name="note-ref">[^<xsl:call-template name="note-number"/>]</xsl:template>
  <xsl:template match="t:add" mode="inline">\[<xsl:apply-templates mode="inline"/>\]</xsl:template>
  <xsl:template match="t:gap | t:vocal | t:kinesic | t:incident | t:pause" mode="inline">
    <xsl:call-template name="escape"><xsl:with-param name="s"><xsl:call-template name="remark-text"/></xsl:with-param></xsl:call-template>
  </xsl:template>
  <!-- an inferred lacuna (no source wording): the edition's own words, in editorial brackets -->
  <xsl:template match="t:gap[@resp = '#tei-edition']" mode="inline">
    <xsl:value-of select="concat($ED_OPEN, 'material skipped in the source ')"/><xsl:call-template name="inferred"/><xsl:value-of select="$ED_CLOSE"/>
  </xsl:template>
  <xsl:template match="t:note[@place = 'inline']" mode="inline">
    <xsl:variable name="s"><xsl:call-template name="open"/><xsl:value-of select="."/><xsl:call-template name="close"/></xsl:variable>
    <xsl:call-template name="escape"><xsl:with-param name="s" select="$s"/></xsl:call-template>
  </xsl:template>

  <!-- Backslash-escape the characters Markdown would read as syntax. One recursion per special character. -->
  <xsl:template name="escape">
    <xsl:param name="s"/>
    <xsl:param name="specials" select="'\`*_[]&lt;&gt;#|'"/>
    <xsl:variable name="plain" select="translate($s, $specials, '')"/>
    <xsl:choose>
      <xsl:when test="string-length($plain) = string-length($s)"><xsl:value-of select="$s"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="first" select="substring(translate($s, translate($s, $specials, ''), ''), 1, 1)"/>
        <xsl:value-of select="substring-before($s, $first)"/>
        <xsl:text>\</xsl:text><xsl:value-of select="$first"/>
        <xsl:call-template name="escape"><xsl:with-param name="s" select="substring-after($s, $first)"/>
          <xsl:with-param name="specials" select="$specials"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
