; Inno Setup script: the Windows installer of the frozen folder.
;
; On Windows, from the checkout:
;     py -m pip install .[build]
;     py packaging\build.py
;     iscc /DAppVersion=0.1.0 packaging\windows\modconsole.iss
; gives dist\modconsole-0.1.0-windows-x64-setup.exe. It installs for the current user
; (no administrator rights), adds a Start-menu entry and, if chosen, a desktop icon.
; The console keeps its data in %LOCALAPPDATA%\modconsole (platformdirs), not in the
; program folder, so uninstalling leaves the data alone.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{7C3F2A51-6E0B-4C8A-9B2D-1F4E5A6B7C80}
AppName=modconsole
AppVersion={#AppVersion}
AppVerName=modconsole {#AppVersion}
AppPublisher=The modconsole team
AppPublisherURL=https://modconsole.io/
DefaultDirName={autopf}\modconsole
DefaultGroupName=modconsole
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=modconsole-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\resources\icons\modconsole.ico
UninstallDisplayIcon={app}\modconsole.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\modconsole\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\modconsole"; Filename: "{app}\modconsole.exe"
Name: "{autodesktop}\modconsole"; Filename: "{app}\modconsole.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\modconsole.exe"; Description: "{cm:LaunchProgram,modconsole}"; Flags: nowait postinstall skipifsilent
