<?xml version="1.0" encoding="UTF-8"?>
<!-- tei-edition common module: what each TEI element of a transcript edition means, defined once.
     Format stylesheets import this module and override only what their format needs (named hooks and, for
     HTML, the inline templates). XSLT 1.0, run by lxml with file and network access denied.

     Conventions shared by every edition:
     - The source's words are printed as the source printed them: remarks with their own brackets
       (rend="parentheses" or "brackets") and wording (desc).
     - What the edition adds (supplied speaker labels, note markers, lacunae) is set in ⟦white brackets⟧ in
       the text formats and marked class="editorial" in HTML, so readers, and the fidelity check, can tell
       the source's words from ours. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:t="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="t">

  <xsl:strip-space elements="t:TEI t:teiHeader t:text t:front t:body t:div t:sp t:docTitle t:listPerson
                             t:person t:personGrp t:particDesc t:profileDesc t:fileDesc t:titleStmt
                             t:sourceDesc t:bibl t:langUsage t:settingDesc t:setting t:publicationStmt
                             t:availability t:notesStmt t:encodingDesc t:respStmt"/>

  <xsl:variable name="ED_OPEN" select="'&#x27E6;'"/>
  <xsl:variable name="ED_CLOSE" select="'&#x27E7;'"/>
  <xsl:variable name="header" select="/t:TEI/t:teiHeader"/>

  <!-- ===== metadata ======================================================================================= -->
  <xsl:template name="title">
    <xsl:value-of select="normalize-space($header/t:fileDesc/t:titleStmt/t:title[1])"/>
  </xsl:template>

  <xsl:template name="date-iso">
    <xsl:value-of select="$header/t:fileDesc/t:sourceDesc/t:bibl/t:date[@when][not(@type)][1]/@when"/>
  </xsl:template>

  <xsl:template name="date-printed">
    <xsl:value-of select="normalize-space($header/t:fileDesc/t:sourceDesc/t:bibl/t:date[@when][not(@type)][1])"/>
  </xsl:template>

  <xsl:template name="principal">
    <xsl:value-of select="normalize-space($header/t:fileDesc/t:titleStmt/t:author[1])"/>
  </xsl:template>

  <xsl:template name="speakers">
    <xsl:for-each select="$header/t:profileDesc/t:particDesc//t:person">
      <xsl:if test="position() &gt; 1">, </xsl:if>
      <xsl:value-of select="normalize-space(t:persName)"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="source-url">
    <xsl:value-of select="$header/t:fileDesc/t:sourceDesc/t:bibl/t:ref/@target"/>
  </xsl:template>

  <xsl:template name="place">
    <xsl:value-of select="normalize-space(($header/t:profileDesc/t:settingDesc/t:setting/t:placeName |
                                           $header/t:fileDesc/t:sourceDesc/t:bibl/t:pubPlace)[1])"/>
  </xsl:template>

  <xsl:template name="publisher">
    <xsl:value-of select="normalize-space($header/t:fileDesc/t:sourceDesc/t:bibl/t:publisher)"/>
  </xsl:template>

  <xsl:template name="language-name">
    <xsl:param name="code"/>
    <xsl:variable name="name" select="$header/t:profileDesc/t:langUsage/t:language[@ident = $code]"/>
    <xsl:choose>
      <xsl:when test="$name"><xsl:value-of select="normalize-space($name)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$code"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="participant-name">
    <xsl:param name="who"/>
    <xsl:variable name="p" select="$header/t:profileDesc/t:particDesc//*[concat('#', @xml:id) = $who]"/>
    <xsl:value-of select="normalize-space(($p/t:persName | $p/t:name)[1])"/>
  </xsl:template>

  <!-- ===== turns ========================================================================================== -->
  <!-- The label as printed, or the supplied one in editorial brackets. -->
  <xsl:template name="label">
    <xsl:param name="sp" select="."/>
    <xsl:choose>
      <xsl:when test="$sp/t:speaker/t:supplied">
        <xsl:value-of select="concat($ED_OPEN, normalize-space($sp/t:speaker), $ED_CLOSE)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space($sp/t:speaker)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Footnotes: notes in the body that are not the source's inline remarks. Numbered in document order.
       (A note in <front> is a line the source printed, such as the archive disclaimer.) -->
  <xsl:template name="note-number">
    <xsl:param name="note" select="."/>
    <xsl:value-of select="count($note/preceding::t:note[not(@place = 'inline')][ancestor::t:body]) + 1"/>
  </xsl:template>

  <!-- ===== remarks: the source's own wording and brackets ================================================= -->
  <xsl:template name="open">
    <xsl:choose><xsl:when test="@rend = 'brackets'">[</xsl:when><xsl:otherwise>(</xsl:otherwise></xsl:choose>
  </xsl:template>
  <xsl:template name="close">
    <xsl:choose><xsl:when test="@rend = 'brackets'">]</xsl:when><xsl:otherwise>)</xsl:otherwise></xsl:choose>
  </xsl:template>

  <xsl:template name="remark-text">
    <xsl:call-template name="open"/>
    <xsl:choose>
      <!-- pause is empty in TEI: the encoder emits it for the printed form (Pause.) only (conventions: pause) -->
      <xsl:when test="self::t:pause and not(t:desc)">Pause.</xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space(t:desc)"/></xsl:otherwise>
    </xsl:choose>
    <xsl:call-template name="close"/>
  </xsl:template>

  <!-- markup.correction: subst holds del then add, printed with a space between, as the source did -->
  <xsl:template match="t:subst" mode="inline">
    <xsl:apply-templates select="t:del" mode="inline"/><xsl:text> </xsl:text><xsl:apply-templates select="t:add" mode="inline"/>
  </xsl:template>

  <!-- ===== inline content for the text formats (HTML overrides these) ==================================== -->
  <xsl:template match="text()" mode="inline"><xsl:value-of select="."/></xsl:template>

  <xsl:template match="t:gap | t:vocal | t:kinesic | t:incident | t:pause" mode="inline">
    <xsl:call-template name="remark-text"/>
  </xsl:template>

  <xsl:template match="t:gap[@resp = '#tei-edition']" mode="inline">
    <xsl:value-of select="concat($ED_OPEN, 'material skipped in the source', $ED_CLOSE)"/>
  </xsl:template>

  <xsl:template match="t:note[@place = 'inline']" mode="inline">
    <xsl:call-template name="open"/><xsl:apply-templates mode="inline"/><xsl:call-template name="close"/>
  </xsl:template>

  <xsl:template match="t:front/t:note" mode="inline"><xsl:apply-templates mode="inline"/></xsl:template>

  <xsl:template match="t:note" mode="inline">
    <xsl:call-template name="note-ref"/>
  </xsl:template>

  <xsl:template match="t:add" mode="inline">[<xsl:apply-templates mode="inline"/>]</xsl:template>

  <xsl:template match="t:supplied" mode="inline">
    <xsl:value-of select="$ED_OPEN"/><xsl:apply-templates mode="inline"/><xsl:value-of select="$ED_CLOSE"/>
  </xsl:template>

  <xsl:template match="t:hi | t:emph" mode="inline">
    <xsl:call-template name="emphasis"><xsl:with-param name="content"><xsl:apply-templates mode="inline"/></xsl:with-param></xsl:call-template>
  </xsl:template>

  <xsl:template match="t:del" mode="inline">
    <xsl:call-template name="deleted"><xsl:with-param name="content"><xsl:apply-templates mode="inline"/></xsl:with-param></xsl:call-template>
  </xsl:template>

  <xsl:template match="t:choice" mode="inline">
    <xsl:apply-templates select="t:sic | t:orig" mode="inline"/>
    <xsl:if test="t:corr | t:reg"> [<xsl:apply-templates select="t:corr | t:reg" mode="inline"/>]</xsl:if>
  </xsl:template>

  <xsl:template match="t:lb" mode="inline"><xsl:text> </xsl:text></xsl:template>

  <xsl:template match="*" mode="inline"><xsl:apply-templates mode="inline"/></xsl:template>

  <!-- Hooks the text formats may redefine. The defaults keep a visible delimiter, as the source had one
       (Markdown *emphasis*, <s>strike-through</s>): "<s>a</s>b" must still read as two words, a and b. -->
  <xsl:template name="emphasis"><xsl:param name="content"/>*<xsl:value-of select="$content"/>*</xsl:template>
  <xsl:template name="deleted"><xsl:param name="content"/>~~<xsl:value-of select="$content"/>~~</xsl:template>
  <xsl:template name="note-ref">
    <xsl:value-of select="$ED_OPEN"/><xsl:call-template name="note-number"/><xsl:value-of select="$ED_CLOSE"/>
  </xsl:template>

  <!-- The inline rendering of a node, as one string with spaces normalised. -->
  <xsl:template name="flat">
    <xsl:param name="nodes" select="node()"/>
    <xsl:variable name="s"><xsl:apply-templates select="$nodes" mode="inline"/></xsl:variable>
    <xsl:value-of select="normalize-space($s)"/>
  </xsl:template>

  <!-- ===== utilities ====================================================================================== -->
  <xsl:template name="repeat">
    <xsl:param name="s"/><xsl:param name="n"/>
    <xsl:if test="$n &gt; 0"><xsl:value-of select="$s"/><xsl:call-template name="repeat">
      <xsl:with-param name="s" select="$s"/><xsl:with-param name="n" select="$n - 1"/></xsl:call-template></xsl:if>
  </xsl:template>

  <!-- Greedy word wrap at $width columns (0: no wrapping). One recursion per line. -->
  <xsl:template name="wrap">
    <xsl:param name="text"/><xsl:param name="width" select="0"/><xsl:param name="indent" select="''"/>
    <xsl:choose>
      <xsl:when test="$width &lt;= 0 or string-length($text) &lt;= $width">
        <xsl:value-of select="$text"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="cut">
          <xsl:call-template name="last-space">
            <xsl:with-param name="s" select="substring($text, 1, $width + 1)"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:variable name="at">
          <xsl:choose>
            <xsl:when test="$cut &gt; 0"><xsl:value-of select="$cut"/></xsl:when>
            <xsl:otherwise>
              <!-- a word longer than the line: break after it -->
              <xsl:value-of select="string-length(substring-before(concat($text, ' '), ' ')) + 1"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:value-of select="substring($text, 1, $at - 1)"/>
        <xsl:variable name="rest" select="substring($text, $at + 1)"/>
        <xsl:if test="$rest != ''">
          <xsl:text>&#10;</xsl:text><xsl:value-of select="$indent"/>
          <xsl:call-template name="wrap">
            <xsl:with-param name="text" select="$rest"/><xsl:with-param name="width" select="$width"/>
            <xsl:with-param name="indent" select="$indent"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Position of the last space in $s (0 if none). -->
  <xsl:template name="last-space">
    <xsl:param name="s"/><xsl:param name="offset" select="0"/>
    <xsl:choose>
      <xsl:when test="contains($s, ' ')">
        <xsl:variable name="head" select="string-length(substring-before($s, ' ')) + 1"/>
        <xsl:call-template name="last-space">
          <xsl:with-param name="s" select="substring($s, $head + 1)"/>
          <xsl:with-param name="offset" select="$offset + $head"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$offset"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
