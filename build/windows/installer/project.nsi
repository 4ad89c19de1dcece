Unicode true

## Tandem's Windows installer, from Wails' NSIS template (wails build -nsis). It installs for the
## current user, with no administrator rights, into %LOCALAPPDATA%\Programs\Tandem, adds a
## Start menu entry and an uninstaller (Settings > Apps), and installs the WebView2 runtime if
## it is missing (Windows 10 and 11 have it).
##
## Tandem's data, %APPDATA%\Tandem (the database, its backups and log), is never touched: the
## uninstaller deletes only the files the installer wrote, and WebView2's cache of the window.
##
## make package writes version.nsh (TANDEM_VERSION and TANDEM_WINVERSION, from
## build/version.sh) and wails build writes wails_tools.nsh beside this file.

!include "version.nsh"

!define INFO_PROJECTNAME    "Tandem"
!define INFO_COMPANYNAME    "Tandem"
!define INFO_PRODUCTNAME    "Tandem"
!define INFO_PRODUCTVERSION "${TANDEM_VERSION}" # shown in Settings > Apps
!define INFO_COPYRIGHT      "Tandem"
!define PRODUCT_EXECUTABLE  "tandem.exe"
!define UNINST_KEY_NAME     "Tandem"
# Per user. wails build -installscope user defines both too; makensis run by hand gets them here.
!ifndef REQUEST_EXECUTION_LEVEL
  !define REQUEST_EXECUTION_LEVEL "user"
!endif
!ifndef WAILS_INSTALL_SCOPE
  !define WAILS_INSTALL_SCOPE "user"
!endif

!include "wails_tools.nsh"

# Windows wants four numbers here; the strings carry the full version.
VIProductVersion "${TANDEM_WINVERSION}"
VIFileVersion    "${TANDEM_WINVERSION}"

VIAddVersionKey "CompanyName"     "${INFO_COMPANYNAME}"
VIAddVersionKey "FileDescription" "${INFO_PRODUCTNAME} Installer"
VIAddVersionKey "ProductVersion"  "${TANDEM_VERSION}"
VIAddVersionKey "FileVersion"     "${TANDEM_VERSION}"
VIAddVersionKey "LegalCopyright"  "${INFO_COPYRIGHT}"
VIAddVersionKey "ProductName"     "${INFO_PRODUCTNAME}"

# Enable HiDPI support. https://nsis.sourceforge.io/Reference/ManifestDPIAware
ManifestDPIAware true

!include "MUI.nsh"

!define MUI_ICON "..\icon.ico"
!define MUI_UNICON "..\icon.ico"
!define MUI_ABORTWARNING # This will warn the user if they exit from the installer.
!define MUI_FINISHPAGE_RUN "$INSTDIR\${PRODUCT_EXECUTABLE}"
!define MUI_FINISHPAGE_RUN_TEXT "Start Tandem"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "English"

Name "${INFO_PRODUCTNAME}"
OutFile "..\..\bin\${INFO_PROJECTNAME}-${TANDEM_VERSION}-${ARCH}-installer.exe"
InstallDir "$LOCALAPPDATA\Programs\${INFO_PRODUCTNAME}"
ShowInstDetails show

Function .onInit
   !insertmacro wails.checkArchitecture
FunctionEnd

Section
    !insertmacro wails.setShellContext

    !insertmacro wails.webview2runtime

    SetOutPath $INSTDIR

    !insertmacro wails.files

    CreateShortcut "$SMPROGRAMS\${INFO_PRODUCTNAME}.lnk" "$INSTDIR\${PRODUCT_EXECUTABLE}"

    !insertmacro wails.writeUninstaller
SectionEnd

Section "uninstall"
    !insertmacro wails.setShellContext

    # Only what the installer wrote: never RMDir /r $INSTDIR, which a user may have pointed at
    # a folder holding other files.
    Delete "$INSTDIR\${PRODUCT_EXECUTABLE}"
    Delete "$SMPROGRAMS\${INFO_PRODUCTNAME}.lnk"
    # WebView2's cache for tandem.exe (Wails' default data path for it), not Tandem's data.
    RMDir /r "$APPDATA\${PRODUCT_EXECUTABLE}"

    !insertmacro wails.deleteUninstaller
    RMDir "$INSTDIR" # only if it is empty now
SectionEnd
