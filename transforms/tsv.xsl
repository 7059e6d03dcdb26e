<?xml version="1.0" encoding="UTF-8"?>
<!-- TSV edition for corpus and spreadsheet users: one row per paragraph (and per printed header line, stage
     line, heading or standalone event, so every word of the source is in some row).
     Columns: id, speaker_id, speaker_label, text. Tabs and line breaks inside a cell become spaces. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:t="http://www.tei-c.org/ns/1.0" xmlns:f="urn:x-tei-edition:functions"
                xmlns:exsl="http://exslt.org/common" xmlns:func="http://exslt.org/functions"
                extension-element-prefixes="func" exclude-result-prefixes="t f exsl func">
  <xsl:import href="common.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="$ours"><xsl:call-template name="transcript"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="any-tei"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Any other TEI: one row per block (id: the element's own xml:id when usable, else its path from the
       nearest one), with the element's name; footnotes last. Cells are quoted as CSV readers expect. -->
  <xsl:template name="any-tei">
    <xsl:text>id&#9;element&#9;speaker_id&#9;speaker_label&#9;text&#10;</xsl:text>
    <xsl:apply-templates select="/t:TEI/t:text" mode="gen"/>
    <xsl:for-each select="$FOOTNOTES">
      <xsl:call-template name="gpara">
        <xsl:with-param name="text"><xsl:apply-templates mode="geni"/></xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="gpara">
    <xsl:param name="text"/><xsl:param name="kind"/><xsl:param name="node" select="."/>
    <xsl:if test="normalize-space($text) != ''">
      <xsl:variable name="id">
        <xsl:for-each select="$node"><xsl:call-template name="path"/></xsl:for-each>
        <!-- a run of inline text inside a container: the container's path and the run's position -->
        <xsl:if test="count(. | $node) != 1 or self::text()"><xsl:value-of select="concat('.run', count(preceding-sibling::node()) + 1)"/></xsl:if>
      </xsl:variable>
      <xsl:variable name="sp" select="$node/ancestor-or-self::*[self::t:sp or self::t:u][1]"/>
      <xsl:call-template name="cell"><xsl:with-param name="s" select="$id"/></xsl:call-template><xsl:text>&#9;</xsl:text>
      <xsl:value-of select="local-name($node)"/><xsl:text>&#9;</xsl:text>
      <xsl:call-template name="cell"><xsl:with-param name="s" select="translate($sp/@who, '#', '')"/></xsl:call-template><xsl:text>&#9;</xsl:text>
      <xsl:call-template name="cell"><xsl:with-param name="s" select="normalize-space($sp/t:speaker)"/></xsl:call-template><xsl:text>&#9;</xsl:text>
      <xsl:call-template name="cell"><xsl:with-param name="s" select="normalize-space(translate($text, '&#9;', ' '))"/></xsl:call-template>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>
  <xsl:template name="gverse">
    <xsl:param name="text"/>
    <xsl:call-template name="gpara"><xsl:with-param name="text" select="$text"/></xsl:call-template>
  </xsl:template>

  <!-- The path of an element from its nearest ancestor (or itself) with a usable xml:id, or from <text>. -->
  <xsl:template name="path">
    <xsl:variable name="anchor" select="ancestor-or-self::*[f:id(.)][1]"/>
    <xsl:choose>
      <xsl:when test="$anchor"><xsl:value-of select="f:id($anchor)"/></xsl:when>
      <xsl:otherwise>text</xsl:otherwise>
    </xsl:choose>
    <xsl:for-each select="ancestor-or-self::*[not($anchor) or count(ancestor::* | $anchor) = count(ancestor::*)][not(self::t:TEI or self::t:text[parent::t:TEI])][not($anchor) or count(. | $anchor) != 1]">
      <xsl:value-of select="concat('.', local-name())"/><xsl:number/>
    </xsl:for-each>
  </xsl:template>

  <!-- A cell with a quote character is quoted, its quotes doubled (as CSV readers expect). -->
  <xsl:template name="cell">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="contains($s, '&quot;')">
        <xsl:text>"</xsl:text><xsl:call-template name="double-quotes"><xsl:with-param name="s" select="$s"/></xsl:call-template><xsl:text>"</xsl:text>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="double-quotes">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="contains($s, '&quot;')">
        <xsl:value-of select="concat(substring-before($s, '&quot;'), '&quot;&quot;')"/>
        <xsl:call-template name="double-quotes"><xsl:with-param name="s" select="substring-after($s, '&quot;')"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="transcript">
    <xsl:text>id&#9;speaker_id&#9;speaker_label&#9;text&#10;</xsl:text>
    <xsl:for-each select="/t:TEI/t:text/t:front/*">
      <xsl:call-template name="row"><xsl:with-param name="id" select="concat('front', position())"/>
        <xsl:with-param name="text"><xsl:call-template name="flat"/></xsl:with-param></xsl:call-template>
    </xsl:for-each>
    <xsl:apply-templates select="/t:TEI/t:text/t:body/t:div"/>
  </xsl:template>

  <xsl:template match="t:div"><xsl:apply-templates select="*"/></xsl:template>

  <!-- Row numbers of headings, stage lines, paragraphs (counted over the whole document, by name) and of
       standalone events, computed once and looked up by key: linear in the document's size. -->
  <xsl:variable name="ROWS-RTF">
    <xsl:if test="$ours">
      <xsl:for-each select="//*[local-name() = 'head']"><n id="{generate-id()}" v="{position()}"/></xsl:for-each>
      <xsl:for-each select="//*[local-name() = 'stage']"><n id="{generate-id()}" v="{position()}"/></xsl:for-each>
      <xsl:for-each select="//*[local-name() = 'p']"><n id="{generate-id()}" v="{position()}"/></xsl:for-each>
      <xsl:for-each select="//t:div/*[self::t:gap or self::t:vocal or self::t:kinesic or self::t:incident or self::t:pause]">
        <n id="{generate-id()}" v="{position()}"/>
      </xsl:for-each>
    </xsl:if>
  </xsl:variable>
  <xsl:variable name="ROWS" select="exsl:node-set($ROWS-RTF)"/>
  <func:function name="f:row-number">
    <xsl:param name="n"/>
    <xsl:variable name="id" select="generate-id($n)"/>
    <xsl:variable name="v"><xsl:for-each select="$ROWS"><xsl:value-of select="key('number', $id)/@v"/></xsl:for-each></xsl:variable>
    <func:result select="string($v)"/>
  </func:function>

  <xsl:template match="t:head | t:div/t:stage | t:div/t:p">
    <xsl:call-template name="row">
      <xsl:with-param name="id" select="concat(local-name(), f:row-number(.))"/>
      <xsl:with-param name="text"><xsl:call-template name="flat"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="t:div/t:gap | t:div/t:vocal | t:div/t:kinesic | t:div/t:incident | t:div/t:pause">
    <xsl:call-template name="row">
      <xsl:with-param name="id" select="concat('event', f:row-number(.))"/>
      <xsl:with-param name="text"><xsl:call-template name="flat"><xsl:with-param name="nodes" select="."/></xsl:call-template></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="t:div/t:note"/>

  <xsl:template match="t:sp">
    <xsl:variable name="sp" select="."/>
    <xsl:variable name="label"><xsl:call-template name="label"/></xsl:variable>
    <xsl:variable name="blocks" select="t:p | t:stage | t:gap | t:vocal | t:kinesic | t:incident | t:pause | t:note[@place = 'inline']"/>
    <xsl:for-each select="$blocks">
      <xsl:call-template name="row">
        <xsl:with-param name="id">
          <xsl:choose>
            <xsl:when test="@xml:id"><xsl:value-of select="@xml:id"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="concat($sp/@xml:id, '.e', count(preceding-sibling::*[not(self::t:p or self::t:speaker or self::t:note[not(@place = 'inline')])]) + 1)"/></xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
        <xsl:with-param name="who" select="substring-after($sp/@who, '#')"/>
        <xsl:with-param name="label" select="$label"/>
        <xsl:with-param name="text">
          <xsl:choose>
            <xsl:when test="self::t:p or self::t:stage"><xsl:call-template name="flat"/></xsl:when>
            <xsl:otherwise><xsl:call-template name="flat"><xsl:with-param name="nodes" select="."/></xsl:call-template></xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:if test="not($blocks)">
      <xsl:call-template name="row"><xsl:with-param name="id" select="@xml:id"/>
        <xsl:with-param name="who" select="substring-after(@who, '#')"/><xsl:with-param name="label" select="$label"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="row">
    <xsl:param name="id"/><xsl:param name="who" select="''"/><xsl:param name="label" select="''"/><xsl:param name="text" select="''"/>
    <xsl:value-of select="concat($id, '&#9;', $who, '&#9;', normalize-space(translate($label, '&#9;', ' ')), '&#9;',
                                 normalize-space(translate($text, '&#9;', ' ')), '&#10;')"/>
  </xsl:template>
</xsl:stylesheet>
