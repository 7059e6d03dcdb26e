<?xml version="1.0" encoding="UTF-8"?>
<!-- Plain-text reading edition: a header (title, date, speaker), a rule, the transcript as printed (each turn
     as "LABEL: text", blank lines between paragraphs, remarks in the source's wording), then the notes.
     Parameter width: wrap at that many columns (default 0: unwrapped, for corpus tools). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:t="http://www.tei-c.org/ns/1.0" xmlns:f="urn:x-tei-edition:functions"
                exclude-result-prefixes="t f">
  <xsl:import href="common.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:param name="width" select="0"/>
  <xsl:variable name="RULE_WIDTH" select="72 - ($width &gt; 0 and $width &lt; 72) * (72 - $width)"/>
  <!-- The rules, as a substring of a constant (RULE_WIDTH is at most 72; ceiling: the count the recursive
       "repeat" printed for a fractional width): no recursion per character. -->
  <xsl:variable name="RULE_EQ" select="'========================================================================'"/>
  <xsl:variable name="RULE_DASH" select="'------------------------------------------------------------------------'"/>

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="$ours"><xsl:call-template name="transcript"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="any-tei"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Any other TEI: title and authors, a rule, every block of <text>, then the footnotes under ⟦Notes⟧
       (editorial brackets: the word check then knows the notes are the source's words). -->
  <xsl:template name="any-tei">
    <xsl:call-template name="any-title"/><xsl:text>&#10;</xsl:text>
    <xsl:text>Rendered from TEI by tei-edition (any TEI)&#10;</xsl:text>
    <xsl:call-template name="header-line">
      <xsl:with-param name="key" select="'Author'"/>
      <xsl:with-param name="value"><xsl:call-template name="any-authors"/></xsl:with-param>
    </xsl:call-template>
    <xsl:value-of select="substring($RULE_EQ, 1, ceiling($RULE_WIDTH))"/>
    <xsl:text>&#10;&#10;</xsl:text>
    <xsl:apply-templates select="/t:TEI/t:text" mode="gen"/>
    <xsl:if test="$FOOTNOTES">
      <xsl:value-of select="substring($RULE_DASH, 1, ceiling($RULE_WIDTH))"/>
      <xsl:text>&#10;&#x27E6;Notes&#x27E7;&#10;&#10;</xsl:text>
      <xsl:for-each select="$FOOTNOTES">
        <xsl:call-template name="para">
          <xsl:with-param name="text"><xsl:call-template name="gnote-ref"/><xsl:text> </xsl:text><xsl:apply-templates mode="geni"/></xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <xsl:template name="gpara">
    <xsl:param name="text"/><xsl:param name="kind"/><xsl:param name="node" select="."/>
    <xsl:if test="normalize-space($text) != ''"><xsl:call-template name="para"><xsl:with-param name="text" select="$text"/></xsl:call-template></xsl:if>
  </xsl:template>
  <!-- A line of verse: one line each, a blank line after the last of a group. -->
  <xsl:template name="gverse">
    <xsl:param name="text"/>
    <xsl:call-template name="wrap">
      <xsl:with-param name="text" select="normalize-space($text)"/><xsl:with-param name="width" select="$width"/>
      <xsl:with-param name="indent" select="'  '"/>
    </xsl:call-template>
    <xsl:text>&#10;</xsl:text>
    <xsl:if test="not(following-sibling::*[1]/self::t:l)"><xsl:text>&#10;</xsl:text></xsl:if>
  </xsl:template>

  <xsl:template name="transcript">
    <xsl:call-template name="wrap">
      <xsl:with-param name="text"><xsl:call-template name="title"/></xsl:with-param><xsl:with-param name="width" select="$width"/>
    </xsl:call-template><xsl:text>&#10;</xsl:text>
    <xsl:call-template name="header-line">
      <xsl:with-param name="key" select="'Date'"/>
      <xsl:with-param name="value"><xsl:call-template name="date-long"><xsl:with-param name="iso"><xsl:call-template name="date-iso"/></xsl:with-param></xsl:call-template></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="header-line">
      <xsl:with-param name="key" select="'Speaker'"/>
      <xsl:with-param name="value"><xsl:call-template name="principal"/></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="header-line">
      <xsl:with-param name="key" select="'Place'"/>
      <xsl:with-param name="value"><xsl:call-template name="place"/></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="header-line">
      <xsl:with-param name="key" select="'Source'"/>
      <xsl:with-param name="value"><xsl:call-template name="source-url"/></xsl:with-param>
    </xsl:call-template>
    <xsl:value-of select="substring($RULE_EQ, 1, ceiling($RULE_WIDTH))"/>
    <xsl:text>&#10;&#10;</xsl:text>
    <xsl:apply-templates select="/t:TEI/t:text/t:front/* | /t:TEI/t:text/t:body/t:div"/>
    <xsl:variable name="notes" select="/t:TEI/t:text/t:body//t:note[not(@place = 'inline')]"/>
    <xsl:if test="$notes">
      <xsl:value-of select="substring($RULE_DASH, 1, ceiling($RULE_WIDTH))"/>
      <xsl:text>&#10;Notes&#10;&#10;</xsl:text>
      <xsl:for-each select="$notes">
        <xsl:call-template name="para">
          <xsl:with-param name="text">
            <xsl:call-template name="note-ref"/><xsl:text> </xsl:text><xsl:call-template name="flat"/><xsl:call-template name="note-certainty"/>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <xsl:template name="header-line">
    <xsl:param name="key"/><xsl:param name="value"/>
    <xsl:if test="normalize-space($value) != ''">
      <xsl:call-template name="wrap">
        <xsl:with-param name="text" select="concat($key, ': ', normalize-space($value))"/><xsl:with-param name="width" select="$width"/>
      </xsl:call-template><xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- One paragraph of inline nodes after a string $before: what para with flat as its text printed
       (normalize-space(concat($before, flat))), without building the two trees that took, on every paragraph;
       wrap only called when there is wrapping to do (its own first test). -->
  <xsl:template name="flat-para">
    <xsl:param name="nodes" select="node()"/><xsl:param name="before" select="''"/>
    <xsl:variable name="s"><xsl:apply-templates select="$nodes" mode="inline"/></xsl:variable>
    <xsl:variable name="text" select="normalize-space(concat($before, normalize-space($s)))"/>
    <xsl:choose>
      <xsl:when test="$width &lt;= 0 or string-length($text) &lt;= $width"><xsl:value-of select="$text"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="wrap"><xsl:with-param name="text" select="$text"/><xsl:with-param name="width" select="$width"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
    <xsl:text>&#10;&#10;</xsl:text>
  </xsl:template>

  <!-- One paragraph: wrapped (or not), then a blank line. -->
  <xsl:template name="para">
    <xsl:param name="text"/>
    <xsl:call-template name="wrap">
      <xsl:with-param name="text" select="normalize-space($text)"/><xsl:with-param name="width" select="$width"/>
    </xsl:call-template>
    <xsl:text>&#10;&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="t:front/* | t:head | t:stage | t:div/t:p"><xsl:call-template name="flat-para"/></xsl:template>

  <xsl:template match="t:div/t:gap | t:div/t:vocal | t:div/t:kinesic | t:div/t:incident | t:div/t:pause
                       | t:div/t:note[@place = 'inline']">
    <xsl:call-template name="flat-para"><xsl:with-param name="nodes" select="."/></xsl:call-template>
  </xsl:template>

  <xsl:template match="t:div">
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <xsl:template match="t:div/t:note[not(@place = 'inline')]"/>

  <xsl:template match="t:sp">
    <xsl:variable name="raw"><xsl:call-template name="label"/></xsl:variable>
    <xsl:variable name="label">
      <xsl:value-of select="$raw"/>
      <xsl:if test="not(contains(':.&#x27E7;', substring($raw, string-length($raw))))">:</xsl:if>
      <xsl:for-each select="t:note[not(@place = 'inline')]"><xsl:call-template name="note-ref"/></xsl:for-each>
    </xsl:variable>
    <xsl:variable name="blocks" select="t:p | t:stage | t:gap | t:vocal | t:kinesic | t:incident | t:pause
                                        | t:note[@place = 'inline']"/>
    <xsl:for-each select="$blocks">
      <!-- the label and a space before the first block only (1 div false() is Infinity: an empty substring) -->
      <xsl:variable name="before" select="substring(concat($label, ' '), 1 div (position() = 1))"/>
      <xsl:choose>
        <xsl:when test="self::t:p or self::t:stage"><xsl:call-template name="flat-para"><xsl:with-param name="before" select="$before"/></xsl:call-template></xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="flat-para"><xsl:with-param name="nodes" select="."/><xsl:with-param name="before" select="$before"/></xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
    <xsl:if test="not($blocks)">
      <xsl:call-template name="para"><xsl:with-param name="text" select="$label"/></xsl:call-template>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
